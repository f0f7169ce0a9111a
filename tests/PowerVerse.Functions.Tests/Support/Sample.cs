using System.Numerics;
using PowerVerse.Functions.ReadModel;
using PowerVerse.Functions.ReadModel.Writing;

namespace PowerVerse.Functions.Tests.Support;

/// <summary>A small market as the indexer would leave it after seed 000's scenarios: the DAO lists, one provider's assets, a sale, proofs.</summary>
internal static class Sample
{
    public const string Provider = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
    public const string Buyer = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC";
    public const string Holder = "0x90F79bf6EB2c4f870365E785982E1f101E93b906";
    public const string Agent = "0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65";
    public const string Pvc = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
    public const string Usd = "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512";
    public const string DeviceHash = "0x1111111111111111111111111111111111111111111111111111111111111111";

    public static readonly BigInteger Huge = BigInteger.Parse("115792089237316195423570985008687907853269984665640564039457584007913129639935", System.Globalization.CultureInfo.InvariantCulture);

    public static ChainEvent Event(long block, int logIndex = 0) => new(block, "0x" + block.ToString("x64", System.Globalization.CultureInfo.InvariantCulture), logIndex);

    public static async Task SeedDaoAsync(ReadModelWriter writer)
    {
        var ct = CancellationToken.None;
        await writer.UpsertComputeTypeAsync(new ComputeTypeRecord(1, "GPU"), Event(1), ct);
        await writer.UpsertComputeTypeAsync(new ComputeTypeRecord(2, "CPU"), Event(1, 1), ct);
        string[] models = ["GTX 1050", "RTX 3080", "RTX 4090", "A100", "H100", "H200"];
        for (var i = 0; i < models.Length; i++)
        {
            await writer.UpsertGpuModelAsync(new GpuModelRecord((uint)i + 1, 1, models[i], 4096u * (uint)(i + 1)), Event(2, i), ct);
        }

        await writer.UpsertProofParamsAsync(new ProofParamsRecord(1, 1, 16, 16, 600), Event(3), ct);
        await writer.UpsertProofParamsAsync(new ProofParamsRecord(2, 1, 12, 16, 600), Event(3, 1), ct);
        await writer.UpsertRevenueWeightAsync(new RevenueWeightRecord(1, 1000), Event(4), ct);
        await writer.UpsertRevenueWeightAsync(new RevenueWeightRecord(2, 100), Event(4, 1), ct);
    }

    /// <summary>A UID listing on GPU model <paramref name="gpuModel"/> (compute type 1) with a VID and HID of the same number.</summary>
    public static ListingRecord Listing(BigInteger uid, BigInteger price, uint gpuModel, string token = Usd) =>
        new(uid, uid, uid, Provider, token, price, 1, gpuModel, 3600, 5000, 8, 32768, 100, DateTimeOffset.Parse("2026-11-28T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    public static ResourceRecord Resource(BigInteger vid, BigInteger? boundUid, long expires, bool retired = false) =>
        new(vid, 1, Provider, 3, 1, 5000, 8, 32768, 100, boundUid, expires, 1000, retired);

    public static ProofRecord Proof(BigInteger challengeId, BigInteger vid, string status, BigInteger work, long elapsedMs) =>
        new(challengeId, vid, 1, 1, Buyer, Agent, status, 16, 16, 600, DateTimeOffset.Parse("2026-11-28T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture),
            1_795_000_000, work, elapsedMs, 1_794_999_000, 1_794_999_010, DateTimeOffset.Parse("2026-11-28T10:00:10Z", System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>A finished proof dispatched at <paramref name="issuedAt"/> (deadline 600 s later) and finished in a block at <paramref name="finishedAt"/>.</summary>
    public static ProofRecord Proof(BigInteger challengeId, BigInteger vid, string status, BigInteger work, long elapsedMs, long issuedAt, long finishedAt) =>
        Proof(challengeId, vid, status, work, elapsedMs) with
        {
            RequestedAt = DateTimeOffset.FromUnixTimeSeconds(issuedAt - 1), Deadline = issuedAt + 600, CompletedAt = DateTimeOffset.FromUnixTimeSeconds(finishedAt),
        };
}
