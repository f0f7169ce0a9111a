namespace PowerVerse.Ethereum.Rlp;

/// <summary>
/// Strict RLP decoding (Yellow Paper appendix B): refuses trailing bytes, lengths past the input,
/// non-minimal length prefixes and single bytes below 0x80 wrapped in a string header.
/// </summary>
public static class RlpDecoder
{
    /// <exception cref="RlpException">The input is not exactly one canonical RLP item.</exception>
    public static RlpItem Decode(ReadOnlySpan<byte> input)
    {
        var item = Read(input, 0, out var consumed);
        if (consumed != input.Length)
        {
            throw new RlpException($"RLP item ends at byte {consumed} but the input has {input.Length} bytes.");
        }

        return item;
    }

    private static RlpItem Read(ReadOnlySpan<byte> input, int depth, out int consumed)
    {
        if (depth > 1024)
        {
            throw new RlpException("RLP nesting deeper than 1024 levels.");
        }

        if (input.IsEmpty)
        {
            throw new RlpException("RLP input ended where an item was expected.");
        }

        var prefix = input[0];
        if (prefix < 0x80)
        {
            consumed = 1;
            return RlpItem.FromBytes(input[..1]);
        }

        var isList = prefix >= 0xc0;
        var (headerLength, payloadLength) = ReadHeader(input, isList ? 0xc0 : 0x80);
        if ((long)headerLength + payloadLength > input.Length)
        {
            throw new RlpException($"RLP item declares {payloadLength} payload bytes but only {input.Length - headerLength} remain.");
        }

        var payload = input.Slice(headerLength, payloadLength);
        consumed = headerLength + payloadLength;
        if (!isList)
        {
            if (payloadLength == 1 && payload[0] < 0x80)
            {
                throw new RlpException($"Single byte 0x{payload[0]:x2} must be encoded as itself, not as a one-byte string.");
            }

            return RlpItem.FromBytes(payload);
        }

        var items = new List<RlpItem>();
        while (!payload.IsEmpty)
        {
            items.Add(Read(payload, depth + 1, out var used));
            payload = payload[used..];
        }

        return RlpItem.FromList(items);
    }

    private static (int HeaderLength, int PayloadLength) ReadHeader(ReadOnlySpan<byte> input, int offset)
    {
        var shortForm = input[0] - offset;
        if (shortForm <= 55)
        {
            return (1, shortForm);
        }

        var lengthOfLength = shortForm - 55;
        if (input.Length < 1 + lengthOfLength)
        {
            throw new RlpException($"RLP length prefix needs {lengthOfLength} bytes but the input ends first.");
        }

        if (input[1] == 0)
        {
            throw new RlpException("RLP length has leading zero bytes.");
        }

        if (lengthOfLength > 4)
        {
            throw new RlpException($"RLP length of {lengthOfLength} bytes is beyond what this decoder accepts (4).");
        }

        long length = 0;
        for (var i = 0; i < lengthOfLength; i++)
        {
            length = (length << 8) | input[1 + i];
        }

        if (length < 56)
        {
            throw new RlpException($"RLP length {length} must use the short form.");
        }

        if (length > int.MaxValue)
        {
            throw new RlpException($"RLP length {length} is too large.");
        }

        return (1 + lengthOfLength, (int)length);
    }
}
