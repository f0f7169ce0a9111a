using System.Diagnostics;
using System.Numerics;
using Nethereum.Util;
using PowerVerse.Chain.Contracts;
using PowerVerse.Chain.Events;
using PowerVerse.Indexer.Tests.SeedMarket;
using PowerVerse.Testing;

namespace PowerVerse.Indexer.Tests.Ranks;

/// <summary>
/// A resource proven on the real chain: a provider registers an attested H200 and carves one VID; the challenger
/// (Hardhat #2) challenges it eight times, a few minutes apart, and the agent answers five of them with shares it
/// found and signed (<see cref="ShareSolver"/>, <see cref="ProofResultSignature"/>), which ProofOfCompute verifies;
/// the other three pass their deadline and expire (missed). The outcomes interleave, so the rank has misses to count and
/// downtime that verified proofs close: after one miss, and after two in a row.
/// </summary>
internal sealed class RankScenario(SeedAccounts a, ChainViews chain, ChainClock clock)
{
    /// <summary>The outcomes in challenge order: true = answered and verified, false = missed.</summary>
    public static readonly IReadOnlyList<bool> Outcomes = [true, true, false, true, false, false, true, true];

    public BigInteger Vid { get; private set; }

    /// <summary>Each challenge with the block of the event that finished it (<c>ProofVerified</c> or <c>ChallengeExpired</c>).</summary>
    public List<(BigInteger ChallengeId, BigInteger FinishedIn)> Proofs { get; } = [];

    public async Task RunAsync()
    {
        var p = a.Provider;
        var deviceHash = Sha3Keccack.Current.CalculateHash(System.Text.Encoding.UTF8.GetBytes("GPU-00000000-ranks-test-device"));
        var hid = (await p.SendAsync(a["HardwareRegistry"], new RegisterHardwareFunction
        {
            GpuModel = 6, DeviceHash = deviceHash, Agent = a.Agent.GetPublicAddress(), Vcpus = 32, MemoryMiB = 131_072,
            Attestation = DeviceAttestation.Sign(a.Agent, 31337, a["HardwareRegistry"], deviceHash, p.Address),
        }, "HardwareRegistered")).Number("hid");
        Vid = (await p.SendAsync(a["ResourceRegistry"], new CreateResourceFunction { Hid = hid, GpuShareBps = 10_000, Vcpus = 32, MemoryMiB = 131_072, DiskGiB = 1_000 }, "ResourceCreated")).Number("vid");

        for (var i = 0; i < Outcomes.Count; i++)
        {
            await clock.AdvanceAsync(300);
            var id = (await a.Challenger.SendAsync(a["ProofOfCompute"], new RequestChallengeFunction { Vid = Vid }, "ChallengeRequested")).Number("challengeId");
            var salt = Sha3Keccack.Current.CalculateHash(System.Text.Encoding.UTF8.GetBytes($"ranks-test-salt-{i}"));
            await a.Challenger.SendAsync(a["ProofOfCompute"], new DispatchChallengeFunction { ChallengeId = id, SaltHash = Sha3Keccack.Current.CalculateHash(salt) });
            var finished = Outcomes[i] ? await AnswerAsync(id, salt) : await MissAsync(id);
            Proofs.Add((id, finished.BlockNumber));
        }
    }

    /// <summary>The agent solves and signs; the challenger submits with the time it observed since dispatch.</summary>
    private async Task<DecodedEvent> AnswerAsync(BigInteger id, byte[] salt)
    {
        var sent = Stopwatch.StartNew();
        var challenge = await chain.ChallengeAsync(id);
        var seed = Sha3Keccack.Current.CalculateHash([.. challenge.Entropy, .. salt]);
        var nonces = ShareSolver.Solve(seed, a.Agent.GetPublicAddressAsBytes(), challenge.Difficulty, challenge.Shares);
        var finishedAt = challenge.IssuedAt + (ulong)Math.Max(1, sent.Elapsed.TotalSeconds);
        var signature = ProofResultSignature.Sign(a.Agent, 31337, a["ProofOfCompute"], id, Vid, seed, nonces, challenge.IssuedAt, finishedAt);
        return await a.Challenger.SendAsync(a["ProofOfCompute"], new SubmitResultFunction
        {
            ChallengeId = id, Salt = salt, Nonces = [.. nonces], StartedAt = challenge.IssuedAt, FinishedAt = finishedAt,
            ObservedElapsedMs = (ulong)Math.Max(1, sent.ElapsedMilliseconds), Signature = signature,
        }, "ProofVerified");
    }

    /// <summary>Nobody answers: past the deadline the challenger records the miss.</summary>
    private async Task<DecodedEvent> MissAsync(BigInteger id)
    {
        await clock.AdvanceAsync(601);
        return await a.Challenger.SendAsync(a["ProofOfCompute"], new ExpireChallengeFunction { ChallengeId = id }, "ChallengeExpired");
    }
}
