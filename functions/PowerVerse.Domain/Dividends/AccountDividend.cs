using System.Numerics;

namespace PowerVerse.Domain.Dividends;

/// <summary>One provider account's month: its score (0 with a violation), whether it had one, and its amount.</summary>
public sealed record AccountDividend(string Account, BigInteger Score, bool Violation, BigInteger Amount);
