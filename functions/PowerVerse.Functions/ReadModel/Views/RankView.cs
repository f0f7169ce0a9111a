namespace PowerVerse.Functions.ReadModel.Views;

/// <summary>A VID's rank: score = mean verified hash rate × verified / (verified + missed) over its latest proofs.</summary>
public sealed record RankView(
    string Vid, string Hid, long ComputeType, long GpuModel, string Score, string HashRate, int Verified, int Failed,
    DateTimeOffset UpdatedAt);
