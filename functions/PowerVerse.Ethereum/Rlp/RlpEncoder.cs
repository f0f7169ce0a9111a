using System.Numerics;

namespace PowerVerse.Ethereum.Rlp;

/// <summary>RLP encoding, Yellow Paper appendix B (equations 180–186).</summary>
public static class RlpEncoder
{
    public static byte[] Encode(RlpItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var output = new byte[Length(item)];
        var written = Write(item, output);
        return written == output.Length ? output : throw new InvalidOperationException("RLP length mismatch.");
    }

    public static byte[] EncodeList(params IEnumerable<RlpItem> items) => Encode(RlpItem.FromList(items));

    public static byte[] EncodeInteger(BigInteger value) => Encode(RlpItem.FromInteger(value));

    public static byte[] EncodeBytes(ReadOnlySpan<byte> bytes) => Encode(RlpItem.FromBytes(bytes));

    private static int Length(RlpItem item)
    {
        if (!item.IsList)
        {
            var span = item.Bytes.Span;
            return span.Length == 1 && span[0] < 0x80 ? 1 : HeaderLength(span.Length) + span.Length;
        }

        var payload = 0;
        foreach (var child in item.Items)
        {
            payload += Length(child);
        }

        return HeaderLength(payload) + payload;
    }

    private static int HeaderLength(int payload) => payload < 56 ? 1 : 1 + ByteCount(payload);

    private static int ByteCount(int value)
    {
        var count = 0;
        for (var v = value; v > 0; v >>= 8)
        {
            count++;
        }

        return count;
    }

    private static int Write(RlpItem item, Span<byte> output)
    {
        if (!item.IsList)
        {
            var span = item.Bytes.Span;
            if (span.Length == 1 && span[0] < 0x80)
            {
                output[0] = span[0];
                return 1;
            }

            var header = WriteHeader(0x80, span.Length, output);
            span.CopyTo(output[header..]);
            return header + span.Length;
        }

        var payload = 0;
        foreach (var child in item.Items)
        {
            payload += Length(child);
        }

        var offset = WriteHeader(0xc0, payload, output);
        foreach (var child in item.Items)
        {
            offset += Write(child, output[offset..]);
        }

        return offset;
    }

    private static int WriteHeader(byte offset, int length, Span<byte> output)
    {
        if (length < 56)
        {
            output[0] = (byte)(offset + length);
            return 1;
        }

        var count = ByteCount(length);
        output[0] = (byte)(offset + 55 + count);
        for (var i = 0; i < count; i++)
        {
            output[count - i] = (byte)(length >> (8 * i));
        }

        return 1 + count;
    }
}
