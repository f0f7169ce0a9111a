using System.Globalization;
using System.Numerics;

namespace PowerVerse.Functions.ReadModel;

/// <summary>
/// How read-model keys are spelled. Table Storage orders rows by PartitionKey then RowKey as ordinal text, so a
/// number that is sorted on is written as fixed-width zero-padded decimal: 78 digits hold any uint256
/// (2^256 − 1 has 78), 10 digits any uint32. A descending order is the ascending order of the complement.
/// </summary>
internal static class Keys
{
    public const int Uint256Digits = 78;

    public static readonly BigInteger MaxUint256 = (BigInteger.One << 256) - 1;

    /// <summary>The canonical decimal of an id (no padding): the key of point reads by id.</summary>
    public static string Id(BigInteger id) => Checked(id).ToString(CultureInfo.InvariantCulture);

    /// <summary>A uint256 as 78 zero-padded digits: sorts as text in numeric order.</summary>
    public static string Sortable(BigInteger value) => Checked(value).ToString("D78", CultureInfo.InvariantCulture);

    /// <summary>The complement in uint256, padded: sorts as text in descending numeric order.</summary>
    public static string Descending(BigInteger value) => Sortable(MaxUint256 - Checked(value));

    /// <summary>A uint32 (compute type, GPU model, version) as 10 zero-padded digits.</summary>
    public static string Small(long value) =>
        value is >= 0 and <= uint.MaxValue
            ? value.ToString("D10", CultureInfo.InvariantCulture)
            : throw new ArgumentOutOfRangeException(nameof(value), value, "Not a uint32.");

    /// <summary>Newest first by chain position: the complement of (block, log index).</summary>
    public static string NewestFirst(long block, int logIndex) =>
        string.Create(CultureInfo.InvariantCulture, $"{long.MaxValue - block:D19}-{int.MaxValue - logIndex:D10}");

    /// <summary>An address as a key: 0x and 40 lowercase hex digits.</summary>
    public static string Account(string address) => Addresses.Normalize(address).ToLowerInvariant();

    private static BigInteger Checked(BigInteger value) =>
        value.Sign >= 0 && value <= MaxUint256 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "Not a uint256.");
}
