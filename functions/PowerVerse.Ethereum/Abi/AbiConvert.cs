using System.Collections;
using System.Globalization;
using System.Numerics;
using PowerVerse.Ethereum.Crypto;
using PowerVerse.Ethereum.Hex;

namespace PowerVerse.Ethereum.Abi;

/// <summary>Turns the CLR values callers pass into the values the ABI types encode.</summary>
internal static class AbiConvert
{
    public static BigInteger ToInteger(object? value, string type) => value switch
    {
        BigInteger b => b,
        int i => i,
        long l => l,
        uint u => u,
        ulong ul => ul,
        short s => s,
        ushort us => us,
        byte b8 => b8,
        sbyte sb => sb,
        decimal d when decimal.Truncate(d) == d => new BigInteger(d),
        string s when s.StartsWith("0x", StringComparison.OrdinalIgnoreCase) => ParseHex(s, type),
        string s when s.StartsWith("-0x", StringComparison.OrdinalIgnoreCase) => -ParseHex(s[1..], type),
        string s when BigInteger.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => throw new AbiEncodingException($"{Describe(value)} is not an integer for ABI type {type}."),
    };

    public static Address ToAddress(object? value) => value switch
    {
        Address a => a,
        string s => ParseAddress(s),
        byte[] b when b.Length == 20 => Address.FromBytes(b),
        _ => throw new AbiEncodingException($"{Describe(value)} is not an address."),
    };

    public static byte[] ToBytes(object? value, string type) => value switch
    {
        byte[] b => b,
        ReadOnlyMemory<byte> m => m.ToArray(),
        Memory<byte> m => m.ToArray(),
        string s => ParseBytes(s, type),
        _ => throw new AbiEncodingException($"{Describe(value)} is not bytes for ABI type {type}."),
    };

    public static IReadOnlyList<object?> ToList(object? value, string type) => value switch
    {
        IReadOnlyList<object?> list => list,
        string or byte[] => throw new AbiEncodingException($"{Describe(value)} is not a list for ABI type {type}."),
        IEnumerable e => e.Cast<object?>().ToList(),
        _ => throw new AbiEncodingException($"{Describe(value)} is not a list for ABI type {type}."),
    };

    public static string Describe(object? value) => value switch
    {
        null => "null",
        string s => $"'{(s.Length > 70 ? s[..67] + "..." : s)}' (string)",
        byte[] b => $"{b.Length} bytes",
        _ => $"'{value}' ({value.GetType().Name})",
    };

    private static BigInteger ParseHex(string s, string type)
    {
        try
        {
            return HexEncoding.ToBigInteger(s);
        }
        catch (HexFormatException ex)
        {
            throw new AbiEncodingException($"'{s}' is not an integer for ABI type {type}: {ex.Message}", ex);
        }
    }

    private static Address ParseAddress(string s)
    {
        try
        {
            return Address.Parse(s);
        }
        catch (HexFormatException ex)
        {
            throw new AbiEncodingException(ex.Message, ex);
        }
    }

    private static byte[] ParseBytes(string s, string type)
    {
        try
        {
            return HexEncoding.ToBytes(s.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? s : throw new HexFormatException($"'{s}' must start with 0x."));
        }
        catch (HexFormatException ex)
        {
            throw new AbiEncodingException($"Bad hex for ABI type {type}: {ex.Message}", ex);
        }
    }
}
