using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;
using Nethereum.Util;
using PowerVerse.Chain.Contracts;
using PowerVerse.Workflows.Tests.Support;

namespace PowerVerse.Workflows.Tests.Settlement;

/// <summary>
/// The platform challenger's key (Hardhat #2) in the test's hands, while no host runs: challenges requested and
/// dispatched directly, a missed one expired after its deadline, a real agent's result submitted. What the proof
/// workflow does in production, done here so a test decides which proofs a rental meets.
/// </summary>
internal sealed class TestChallenger(LocalStack stack)
{
    public const int Account = 2;

    private readonly Wallet _wallet = new(stack, Account);

    public ChainViews Views { get; } = new(stack.Web3, stack.Manifest);

    /// <summary>Requests and dispatches a challenge of the VID, committing keccak256(<paramref name="salt"/>); returns its id.</summary>
    public async Task<BigInteger> DispatchAsync(BigInteger vid, byte[] salt)
    {
        var requested = await _wallet.SendAsync("ProofOfCompute", new RequestChallengeFunction { Vid = vid });
        var id = SettlementMarket.Event(requested, "ChallengeRequested").Number("challengeId");
        await _wallet.SendAsync("ProofOfCompute", new DispatchChallengeFunction { ChallengeId = id, SaltHash = Sha3Keccack.Current.CalculateHash(salt) });
        return id;
    }

    /// <summary>Dispatches a challenge nobody will answer (its salt is thrown away): a missed proof once expired.</summary>
    public Task<BigInteger> DispatchUnansweredAsync(BigInteger vid) => DispatchAsync(vid, Guid.NewGuid().ToByteArray().Concat(Guid.NewGuid().ToByteArray()).ToArray());

    /// <summary><c>expire</c> of an open challenge past its deadline: the missed proof.</summary>
    public Task ExpireAsync(BigInteger challengeId) => _wallet.SendAsync("ProofOfCompute", new ExpireChallengeFunction { ChallengeId = challengeId });

    public async Task<ChallengeInfo> ChallengeAsync(BigInteger challengeId) =>
        (await stack.Web3.Eth.GetContractQueryHandler<ChallengeOfFunction>().QueryDeserializingToObjectAsync<ChallengeOutput>(
            new ChallengeOfFunction { ChallengeId = challengeId }, stack.Manifest["ProofOfCompute"])).Challenge;

    /// <summary>Submits the agent's result with the salt committed at dispatch and the elapsed time observed.</summary>
    public Task SubmitAsync(BigInteger challengeId, byte[] salt, AgentResult result, ulong observedElapsedMs)
    {
        ArgumentNullException.ThrowIfNull(result);
        return _wallet.SendAsync("ProofOfCompute", new SubmitResultFunction
        {
            ChallengeId = challengeId, Salt = salt, Nonces = [.. result.Nonces], StartedAt = result.StartedAt, FinishedAt = result.FinishedAt,
            ObservedElapsedMs = observedElapsedMs, Signature = result.Signature,
        });
    }

    /// <summary><c>ProofOfCompute.submitResult</c> (the proof workflow's own call; declared here for the test's hands).</summary>
    [Function("submitResult")]
    private sealed class SubmitResultFunction : FunctionMessage
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
}

/// <summary>A gpu-agent's <c>result</c> message (DESIGN §3): its nonces, its own timestamps and its EIP-712 signature.</summary>
internal sealed record AgentResult(IReadOnlyList<ulong> Nonces, ulong StartedAt, ulong FinishedAt, byte[] Signature);
