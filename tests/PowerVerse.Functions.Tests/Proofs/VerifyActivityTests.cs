using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.Signer;
using PowerVerse.Domain.Proofs;
using PowerVerse.Functions.Orchestrations.Proofs;

namespace PowerVerse.Functions.Tests.Proofs;

/// <summary>The off-chain check of a result (DESIGN §2), case by case; each refusal names why.</summary>
public sealed class VerifyActivityTests
{
    private const string ProofContract = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
    private const int Difficulty = 8;
    private const int Shares = 4;
    private static readonly EthECKey Agent = new("0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d");
    private static readonly byte[] Seed = Convert.FromHexString("7f1e6b0c3a5d4e2f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f7");
    private static readonly DateTimeOffset SentAt = new(2026, 11, 29, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Check_AnHonestResult_IsValidWithTheObservedElapsedTime()
    {
        var verdict = VerifyActivity.Check(Challenge(), SentAt, Result(Solve()) with { ReceivedAt = SentAt.AddMilliseconds(1_234.5) });

        Assert.Null(verdict.Refusal);
        Assert.Equal(1_235, verdict.ElapsedMs);
    }

    [Fact]
    public void Check_ReceivedBeforeItWasSent_ElapsedIsOneMillisecond() =>
        Assert.Equal(1, VerifyActivity.Check(Challenge(), SentAt, Result(Solve()) with { ReceivedAt = SentAt.AddSeconds(-3) }).ElapsedMs);

    [Fact]
    public void Check_ReceivedAfterTheDeadlineByChainTime_IsRefused() =>
        Assert.Equal(ProofRefusal.AfterDeadline, Code(Result(Solve()) with { ReceivedChainTime = Challenge().Deadline + 1 }));

    [Fact]
    public void Check_ReceivedAtTheDeadline_IsValid() =>
        Assert.Null(Code(Result(Solve()) with { ReceivedChainTime = Challenge().Deadline }));

    [Fact]
    public void Check_TooFewNonces_IsRefused() => Assert.Equal(ProofRefusal.WrongShareCount, Code(Result(Solve()[..^1])));

    [Fact]
    public void Check_UnsortedNonces_IsRefused()
    {
        var nonces = Solve();
        Assert.Equal(ProofRefusal.NoncesNotIncreasing, Code(Result([nonces[1], nonces[0], .. nonces[2..]])));
    }

    [Fact]
    public void Check_ANonceTwice_IsRefused()
    {
        var nonces = Solve();
        Assert.Equal(ProofRefusal.NoncesNotIncreasing, Code(Result([nonces[0], nonces[0], .. nonces[2..]])));
    }

    [Fact]
    public void Check_ANonceThatIsNoShare_IsRefused()
    {
        var nonces = Solve();
        var address = Agent.GetPublicAddressAsBytes();
        var noShare = Enumerable.Range(1, 1_000).Select(i => nonces[^1] + (ulong)i).First(n => !ProofShares.IsShare(Seed, address, n, Difficulty));
        Assert.Equal(ProofRefusal.InvalidShare, Code(Result([.. nonces[..^1], noShare])));
    }

    [Fact]
    public void Check_SignedByAnotherKey_IsRefused() => Assert.Equal(ProofRefusal.WrongSigner, Code(Result(Solve(), EthECKey.GenerateKey())));

    [Fact]
    public void Check_SignatureOverOtherTimestamps_IsRefused() =>
        Assert.Equal(ProofRefusal.WrongSigner, Code(Result(Solve()) with { FinishedAt = 1_800_000_099 }));

    [Fact]
    public void Check_ASignatureOfAnotherLength_IsRefused() =>
        Assert.Equal(ProofRefusal.WrongSigner, Code(Result(Solve()) with { Signature = "0x" + new string('1', 128) }));

    [Fact]
    public void Check_AnotherVid_IsRefused() => Assert.Equal(ProofRefusal.WrongVid, Code(Result(Solve()) with { Vid = "4" }));

    [Fact]
    public void Check_AnotherAgentNamed_IsRefused() =>
        Assert.Equal(ProofRefusal.WrongAgent, Code(Result(Solve()) with { Agent = EthECKey.GenerateKey().GetPublicAddress() }));

    private static string? Code(ProofResultEvent result) => VerifyActivity.Check(Challenge(), SentAt, result).Refusal?.Code;

    private static DispatchedChallenge Challenge() => new(
        "12", "3", "1", Agent.GetPublicAddress(), Seed.ToHex(prefix: true), Difficulty, Shares, 1_800_000_000, 1_800_000_600,
        "31337", ProofContract, "0x" + new string('0', 64), 10, 2);

    private static ulong[] Solve()
    {
        var address = Agent.GetPublicAddressAsBytes();
        var nonces = new List<ulong>();
        for (ulong n = 0; nonces.Count < Shares; n++)
        {
            if (ProofShares.IsShare(Seed, address, n, Difficulty))
            {
                nonces.Add(n);
            }
        }

        return [.. nonces];
    }

    private static ProofResultEvent Result(ulong[] nonces, EthECKey? signer = null)
    {
        var digest = ProofResultTypedData.Digest(31337, ProofContract, 12, 3, Seed, nonces, 1_800_000_000, 1_800_000_001);
        var signature = EthECDSASignature.CreateStringSignature((signer ?? Agent).SignAndCalculateV(digest));
        return new ProofResultEvent(
            "12", "3", Agent.GetPublicAddress().ToLowerInvariant(), nonces, 1_800_000_000, 1_800_000_001, signature, "cpu", "test",
            SentAt.AddSeconds(2), 1_800_000_100);
    }

}
