using System.Numerics;

namespace PowerVerse.Functions.ReadModel.Queries;

/// <summary>The RID market's filters, cheapest unit price first.</summary>
public sealed record ShareMarketFilter(BigInteger? Vid, string? Token, BigInteger? MinUnitPrice, BigInteger? MaxUnitPrice);
