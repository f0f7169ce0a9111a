namespace PowerVerse.Ethereum.Abi;

/// <summary>Encodes and decodes argument lists (what follows a selector, return data, event data).</summary>
public static class AbiEncoder
{
    /// <summary>Encodes values as the tuple of <paramref name="parameters"/>.</summary>
    /// <exception cref="AbiEncodingException">A value does not fit its type; the message names the parameter.</exception>
    public static byte[] Encode(IReadOnlyList<AbiParameter> parameters, IReadOnlyList<object?> values)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(values);
        return AbiSequence.Encode(
            parameters.Select(p => p.Type).ToArray(),
            values,
            i => string.IsNullOrEmpty(parameters[i].Name) ? $"argument {i} ({parameters[i].Type})" : $"'{parameters[i].Name}' ({parameters[i].Type})");
    }

    /// <summary>Encodes values as the tuple of the given type names, e.g. ("address", "uint256").</summary>
    public static byte[] Encode(IReadOnlyList<string> types, IReadOnlyList<object?> values)
    {
        ArgumentNullException.ThrowIfNull(types);
        return Encode(types.Select((t, i) => new AbiParameter(string.Empty, AbiType.Parse(t))).ToArray(), values);
    }

    /// <exception cref="AbiDecodingException">The data is not a valid encoding of these parameters.</exception>
    public static object?[] Decode(IReadOnlyList<AbiParameter> parameters, ReadOnlySpan<byte> data)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return AbiSequence.Decode(parameters.Select(p => p.Type).ToArray(), data, 0);
    }

    public static object?[] Decode(IReadOnlyList<string> types, ReadOnlySpan<byte> data)
    {
        ArgumentNullException.ThrowIfNull(types);
        return AbiSequence.Decode(types.Select(AbiType.Parse).ToArray(), data, 0);
    }

    /// <summary>Solidity's abi.encodePacked for static elementary values (used for hashing, not for calls).</summary>
    public static byte[] EncodePacked(IReadOnlyList<string> types, IReadOnlyList<object?> values)
    {
        ArgumentNullException.ThrowIfNull(types);
        ArgumentNullException.ThrowIfNull(values);
        using var output = new MemoryStream();
        for (var i = 0; i < types.Count; i++)
        {
            var type = AbiType.Parse(types[i]);
            var bytes = type switch
            {
                BytesType t => t.IsString ? System.Text.Encoding.UTF8.GetBytes((string)values[i]!) : AbiConvert.ToBytes(values[i], "bytes"),
                IntegerType t => t.Encode(values[i])[(32 - (t.Bits / 8))..],
                AddressType t => t.Encode(values[i])[12..],
                BoolType t => t.Encode(values[i])[31..],
                FixedBytesType t => t.Encode(values[i])[..t.Length],
                _ => throw new AbiEncodingException($"encodePacked of {type} is not supported."),
            };
            output.Write(bytes);
        }

        return output.ToArray();
    }
}
