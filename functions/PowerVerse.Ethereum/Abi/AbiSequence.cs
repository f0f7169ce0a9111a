namespace PowerVerse.Ethereum.Abi;

/// <summary>The head/tail layout shared by tuples, arrays and argument lists (ABI spec, "Formal Specification of the Encoding").</summary>
internal static class AbiSequence
{
    public static byte[] Encode(IReadOnlyList<AbiType> types, IReadOnlyList<object?> values, Func<int, string>? describe = null)
    {
        if (types.Count != values.Count)
        {
            throw new AbiEncodingException($"Expected {types.Count} values; got {values.Count}.");
        }

        var headSize = 0;
        foreach (var type in types)
        {
            headSize += type.IsDynamic ? 32 : type.HeadSize;
        }

        var parts = new byte[types.Count][];
        var total = headSize;
        for (var i = 0; i < types.Count; i++)
        {
            try
            {
                parts[i] = types[i].Encode(values[i]);
            }
            catch (AbiEncodingException ex) when (describe is not null)
            {
                throw new AbiEncodingException($"{describe(i)}: {ex.Message}", ex);
            }

            if (types[i].IsDynamic)
            {
                total += parts[i].Length;
            }
        }

        var output = new byte[total];
        var head = 0;
        var tail = headSize;
        for (var i = 0; i < types.Count; i++)
        {
            if (types[i].IsDynamic)
            {
                AbiWords.FromInteger(tail).CopyTo(output, head);
                parts[i].CopyTo(output, tail);
                tail += parts[i].Length;
                head += 32;
            }
            else
            {
                parts[i].CopyTo(output, head);
                head += parts[i].Length;
            }
        }

        return output;
    }

    public static object?[] Decode(IReadOnlyList<AbiType> types, ReadOnlySpan<byte> data, int start)
    {
        var values = new object?[types.Count];
        var position = start;
        for (var i = 0; i < types.Count; i++)
        {
            var type = types[i];
            if (type.IsDynamic)
            {
                var offset = AbiWords.ReadSize(data, position);
                if (start + offset > data.Length)
                {
                    throw new AbiDecodingException($"Offset {offset} at byte {position} points past the end of the data.");
                }

                values[i] = type.Decode(data, start + offset);
                position += 32;
            }
            else
            {
                values[i] = type.Decode(data, position);
                position += type.HeadSize;
            }
        }

        return values;
    }
}
