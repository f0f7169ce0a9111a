using System.Globalization;

namespace PowerVerse.Ethereum.Abi;

/// <summary>
/// A Solidity ABI type (Solidity docs, "Contract ABI Specification"). Values are plain CLR objects:
/// integers as <see cref="System.Numerics.BigInteger"/> (any integral type or decimal/0x string accepted
/// when encoding), addresses as <see cref="Crypto.Address"/>, bytes as byte[], arrays and tuples as lists.
/// </summary>
public abstract class AbiType
{
    /// <summary>The canonical name used in signatures, e.g. "uint256", "(address,bytes)[]".</summary>
    public abstract string CanonicalName { get; }

    /// <summary>Dynamic types are encoded in the tail and referenced by an offset in the head.</summary>
    public abstract bool IsDynamic { get; }

    /// <summary>Bytes this type takes in the head of an enclosing sequence.</summary>
    internal virtual int HeadSize => 32;

    public static AbiType Uint256 { get; } = new IntegerType(256, signed: false);

    public static AbiType Address { get; } = new AddressType();

    public static AbiType Bool { get; } = new BoolType();

    public static AbiType Bytes { get; } = new BytesType(isString: false);

    public static AbiType Utf8String { get; } = new BytesType(isString: true);

    public static AbiType Tuple(IEnumerable<AbiParameter> components) => new TupleType(components.ToArray());

    public static AbiType Array(AbiType element, int? length = null) => new ArrayType(element, length);

    /// <summary>Parses a type name: elementary types, "T[]", "T[k]", and "(T1,T2,...)" tuples.</summary>
    /// <exception cref="AbiEncodingException">Not a valid type name.</exception>
    public static AbiType Parse(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var text = name.Trim();
        if (text.EndsWith(']'))
        {
            var open = text.LastIndexOf('[');
            var inner = Parse(text[..open]);
            var size = text[(open + 1)..^1];
            if (size.Length == 0)
            {
                return new ArrayType(inner, null);
            }

            return int.TryParse(size, NumberStyles.None, CultureInfo.InvariantCulture, out var length) && length > 0
                ? new ArrayType(inner, length)
                : throw new AbiEncodingException($"Invalid array length in ABI type '{name}'.");
        }

        if (text.StartsWith('(') || text.StartsWith("tuple(", StringComparison.Ordinal))
        {
            var body = text[(text.IndexOf('(') + 1)..^1];
            var parts = SplitTopLevel(body);
            return new TupleType(parts.Select((p, i) => new AbiParameter($"_{i}", Parse(p))).ToArray());
        }

        return ParseElementary(text, name);
    }

    internal abstract byte[] Encode(object? value);

    internal abstract object? Decode(ReadOnlySpan<byte> data, int offset);

    public override string ToString() => CanonicalName;

    private static AbiType ParseElementary(string text, string original)
    {
        switch (text)
        {
            case "address": return Address;
            case "bool": return Bool;
            case "bytes": return Bytes;
            case "string": return Utf8String;
            case "uint": return Uint256;
            case "int": return new IntegerType(256, signed: true);
            case "function": return new FixedBytesType(24);
        }

        if (text.StartsWith("uint", StringComparison.Ordinal) && TryBits(text[4..], out var ubits))
        {
            return new IntegerType(ubits, signed: false);
        }

        if (text.StartsWith("int", StringComparison.Ordinal) && TryBits(text[3..], out var ibits))
        {
            return new IntegerType(ibits, signed: true);
        }

        if (text.StartsWith("bytes", StringComparison.Ordinal)
            && int.TryParse(text[5..], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 32)
        {
            return new FixedBytesType(n);
        }

        throw new AbiEncodingException($"'{original}' is not a valid ABI type.");
    }

    private static bool TryBits(string digits, out int bits) =>
        int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out bits) && bits is >= 8 and <= 256 && bits % 8 == 0;

    internal static List<string> SplitTopLevel(string body)
    {
        var parts = new List<string>();
        if (body.Length == 0)
        {
            return parts;
        }

        var depth = 0;
        var start = 0;
        for (var i = 0; i < body.Length; i++)
        {
            switch (body[i])
            {
                case '(': depth++; break;
                case ')': depth--; break;
                case ',' when depth == 0:
                    parts.Add(body[start..i]);
                    start = i + 1;
                    break;
            }
        }

        parts.Add(body[start..]);
        return parts;
    }
}
