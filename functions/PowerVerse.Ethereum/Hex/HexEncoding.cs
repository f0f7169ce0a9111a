using System.Numerics;

namespace PowerVerse.Ethereum.Hex;

/// <summary>
/// 0x-prefixed hexadecimal as used by the JSON-RPC API ("DATA" and "QUANTITY" encodings,
/// ethereum.org JSON-RPC docs, "Hex value encoding").
/// </summary>
public static class HexEncoding
{
    /// <summary>Bytes as "0x" followed by two lowercase digits per byte.</summary>
    public static string ToHex(ReadOnlySpan<byte> bytes, bool prefix = true)
    {
        var hex = Convert.ToHexStringLower(bytes);
        return prefix ? "0x" + hex : hex;
    }

    /// <summary>Parses DATA: an even number of hex digits, with or without "0x".</summary>
    /// <exception cref="HexFormatException">Odd length or a character that is not a hex digit.</exception>
    public static byte[] ToBytes(string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        var digits = Strip(hex);
        if (digits.Length % 2 != 0)
        {
            throw new HexFormatException($"Hex '{Shorten(hex)}' has an odd number of digits ({digits.Length}).");
        }

        var bytes = new byte[digits.Length / 2];
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] = (byte)((Digit(digits[2 * i], hex) << 4) | Digit(digits[(2 * i) + 1], hex));
        }

        return bytes;
    }

    /// <summary>Parses DATA of exactly <paramref name="length"/> bytes.</summary>
    /// <exception cref="HexFormatException">Not hex, or not that many bytes.</exception>
    public static byte[] ToBytes(string hex, int length)
    {
        var bytes = ToBytes(hex);
        if (bytes.Length != length)
        {
            throw new HexFormatException($"Hex '{Shorten(hex)}' is {bytes.Length} bytes; expected {length}.");
        }

        return bytes;
    }

    /// <summary>A QUANTITY: "0x" then the value without leading zeros ("0x0" for zero).</summary>
    public static string ToQuantity(BigInteger value)
    {
        if (value.Sign < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "A QUANTITY cannot be negative.");
        }

        if (value.IsZero)
        {
            return "0x0";
        }

        var hex = Convert.ToHexStringLower(value.ToByteArray(isUnsigned: true, isBigEndian: true)).TrimStart('0');
        return "0x" + hex;
    }

    /// <summary>Parses a QUANTITY (leading zeros tolerated, as some nodes send them).</summary>
    /// <exception cref="HexFormatException">Missing "0x", empty, or not hex.</exception>
    public static BigInteger ToBigInteger(string quantity)
    {
        ArgumentNullException.ThrowIfNull(quantity);
        if (!quantity.StartsWith("0x", StringComparison.OrdinalIgnoreCase) || quantity.Length == 2)
        {
            throw new HexFormatException($"Quantity '{Shorten(quantity)}' must be '0x' followed by at least one hex digit.");
        }

        var value = BigInteger.Zero;
        foreach (var c in quantity.AsSpan(2))
        {
            value = (value << 4) | Digit(c, quantity);
        }

        return value;
    }

    /// <summary>Parses a QUANTITY that fits a long.</summary>
    public static long ToLong(string quantity)
    {
        var value = ToBigInteger(quantity);
        if (value > long.MaxValue)
        {
            throw new HexFormatException($"Quantity '{Shorten(quantity)}' does not fit in 64 bits.");
        }

        return (long)value;
    }

    /// <summary>True when the text is "0x" followed by hex digits (any count).</summary>
    public static bool IsHex(string? text) =>
        text is not null && text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) && text.AsSpan(2).ContainsAnyExcept(HexDigits) is false;

    private static readonly System.Buffers.SearchValues<char> HexDigits =
        System.Buffers.SearchValues.Create("0123456789abcdefABCDEF");

    private static ReadOnlySpan<char> Strip(string hex) =>
        hex.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? hex.AsSpan(2) : hex.AsSpan();

    private static int Digit(char c, string source) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => throw new HexFormatException($"'{c}' is not a hex digit in '{Shorten(source)}'."),
    };

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "...";
}
