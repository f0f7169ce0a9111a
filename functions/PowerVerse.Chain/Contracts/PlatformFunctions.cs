using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace PowerVerse.Chain.Contracts;

// What the platform's challenger and settler keys send (DESIGN §2, ProofOfCompute, ProviderStaking, DividendDistributor).
// ContractSurfaceTests checks every declared signature against contracts/abi.

/// <summary><c>ProofOfCompute.dispatch(challengeId, saltHash)</c>: opens a requested challenge with the committed salt.</summary>
[Function("dispatch")]
public sealed class DispatchChallengeFunction : FunctionMessage
{
    [Parameter("uint256", "challengeId", 1)]
    public BigInteger ChallengeId { get; set; }

    [Parameter("bytes32", "saltHash", 2)]
    public byte[] SaltHash { get; set; } = [];
}

/// <summary>
/// <c>ProofOfCompute.submitResult(challengeId, salt, nonces, startedAt, finishedAt, observedElapsedMs, signature)</c>: the
/// challenger reveals its salt and submits the agent's signed result with the elapsed time the platform observed.
/// </summary>
[Function("submitResult")]
public sealed class SubmitResultFunction : FunctionMessage
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

/// <summary><c>ProofOfCompute.expire(challengeId)</c>: an open challenge past its deadline expires, a requested one lapses.</summary>
[Function("expire")]
public sealed class ExpireChallengeFunction : FunctionMessage
{
    [Parameter("uint256", "challengeId", 1)]
    public BigInteger ChallengeId { get; set; }
}

/// <summary><c>ProviderStaking.slash(hid, challengeId)</c>: once per expired challenge of the HID.</summary>
[Function("slash", "uint256")]
public sealed class SlashFunction : FunctionMessage
{
    [Parameter("uint256", "hid", 1)]
    public BigInteger Hid { get; set; }

    [Parameter("uint256", "challengeId", 2)]
    public BigInteger ChallengeId { get; set; }
}

/// <summary><c>DividendDistributor.postEpoch(period, root, token, total)</c>: a month's Merkle root (period YYYYMM).</summary>
[Function("postEpoch", "uint256")]
public sealed class PostEpochFunction : FunctionMessage
{
    [Parameter("uint32", "period", 1)]
    public uint Period { get; set; }

    [Parameter("bytes32", "root", 2)]
    public byte[] Root { get; set; } = [];

    [Parameter("address", "token", 3)]
    public string Token { get; set; } = string.Empty;

    [Parameter("uint256", "total", 4)]
    public BigInteger Total { get; set; }
}

/// <summary><c>DividendDistributor.fundEpoch(epoch)</c>: pays in exactly the tree's total (approved first).</summary>
[Function("fundEpoch")]
public sealed class FundEpochFunction : FunctionMessage
{
    [Parameter("uint256", "epoch", 1)]
    public BigInteger Epoch { get; set; }
}

/// <summary><c>DividendDistributor.claim(epoch, account, amount, proof)</c>: leaf keccak256(abi.encodePacked(account, amount)).</summary>
[Function("claim")]
public sealed class ClaimDividendFunction : FunctionMessage
{
    [Parameter("uint256", "epoch", 1)]
    public BigInteger Epoch { get; set; }

    [Parameter("address", "account", 2)]
    public string Account { get; set; } = string.Empty;

    [Parameter("uint256", "amount", 3)]
    public BigInteger Amount { get; set; }

    [Parameter("bytes32[]", "proof", 4)]
    public List<byte[]> Proof { get; set; } = [];
}

/// <summary>
/// <c>ComputeMarket.refund(uid, downtimeSeconds, reason)</c>: the challenger refunds the buyer floor(price · downtime /
/// duration) of an unsettled escrow for proof-proven downtime (SLA-backed escrow).
/// </summary>
[Function("refund")]
public sealed class RefundFunction : FunctionMessage
{
    [Parameter("uint256", "uid", 1)]
    public BigInteger Uid { get; set; }

    [Parameter("uint64", "downtimeSeconds", 2)]
    public ulong DowntimeSeconds { get; set; }

    [Parameter("bytes32", "reason", 3)]
    public byte[] Reason { get; set; } = [];
}
