namespace PowerVerse.Views;

/// <summary>The RID supply minted per VID of a compute type (uint256, decimal).</summary>
public sealed record RevenueWeightView(long ComputeType, string Weight);
