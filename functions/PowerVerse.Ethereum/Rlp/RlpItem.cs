using System.Numerics;

namespace PowerVerse.Ethereum.Rlp;

/// <summary>An RLP item: a byte string or a list of items (Yellow Paper appendix B).</summary>
public sealed class RlpItem
{
    private readonly byte[]? _bytes;
    private readonly IReadOnlyList<RlpItem>? _items;

    private RlpItem(byte[]? bytes, IReadOnlyList<RlpItem>? items)
    {
        _bytes = bytes;
        _items = items;
    }

    public bool IsList => _items is not null;

    /// <summary>The byte string; throws for a list.</summary>
    public ReadOnlyMemory<byte> Bytes => _bytes ?? throw new RlpException("Expected an RLP byte string, found a list.");

    /// <summary>The items of a list; throws for a byte string.</summary>
    public IReadOnlyList<RlpItem> Items => _items ?? throw new RlpException("Expected an RLP list, found a byte string.");

    public static RlpItem FromBytes(ReadOnlySpan<byte> bytes) => new(bytes.ToArray(), null);

    public static RlpItem FromList(params IEnumerable<RlpItem> items) => new(null, items.ToArray());

    /// <summary>A non-negative integer as its big-endian bytes without leading zeros (zero is the empty string).</summary>
    public static RlpItem FromInteger(BigInteger value)
    {
        if (value.Sign < 0)
        {
            throw new RlpException($"RLP integers are non-negative; got {value}.");
        }

        return new(value.IsZero ? [] : value.ToByteArray(isUnsigned: true, isBigEndian: true), null);
    }

    /// <summary>Reads a canonical integer: no leading zero bytes.</summary>
    public BigInteger ToInteger()
    {
        var bytes = Bytes.Span;
        if (bytes.Length > 0 && bytes[0] == 0)
        {
            throw new RlpException("An RLP integer must not have leading zero bytes.");
        }

        return new BigInteger(bytes, isUnsigned: true, isBigEndian: true);
    }

    public byte[] ToArray() => Bytes.ToArray();
}
