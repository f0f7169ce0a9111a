using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace PowerVerse.Indexer.Tests.Ranks;

/// <summary>
/// <c>ProofOfCompute.submitResult(challengeId, salt, nonces, startedAt, finishedAt, observedElapsedMs, signature)</c>, as
/// the challenger sends it after checking a result (contracts/contracts/proof/ProofOfCompute.sol).
/// </summary>
[Function("submitResult")]
internal sealed class SubmitProofResultCall : FunctionMessage
{
    [Parameter("uint256", "challengeId", 1)]
    public BigInteger ChallengeId { get; set; }

    [Parameter("bytes32", "salt", 2)]
    public byte[] Salt { get; set; } = [];

    [Parameter("uint64[]", "nonces", 3)]
    public List<ulong> Nonces { get; set; } = [];

    [Parameter("uint64", "startedAt", 4)]
    public ulong StartedAt { get; set; }

    [Parameter("uint64", "finishedAt", 5)]
    public ulong FinishedAt { get; set; }

    [Parameter("uint64", "observedElapsedMs", 6)]
    public ulong ObservedElapsedMs { get; set; }

    [Parameter("bytes", "signature", 7)]
    public byte[] Signature { get; set; } = [];
}
