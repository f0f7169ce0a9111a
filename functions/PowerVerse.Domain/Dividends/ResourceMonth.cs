using System.Numerics;

namespace PowerVerse.Domain.Dividends;

/// <summary>
/// What a month's dividend needs of one resource (VID): the provider account it counts for, its published performance
/// score (its rank), whether it was listed or rented at some time in the month, and whether it was online (at least one
/// verified proof in the month).
/// </summary>
public sealed record ResourceMonth(string Account, BigInteger Vid, BigInteger Score, bool ListedOrRented, bool Online)
{
    /// <summary>Whether its score counts: listed or rented, and online.</summary>
    public bool Counts => ListedOrRented && Online;
}
