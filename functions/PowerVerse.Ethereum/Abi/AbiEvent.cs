using PowerVerse.Ethereum.Crypto;
using PowerVerse.Ethereum.Hex;

namespace PowerVerse.Ethereum.Abi;

/// <summary>
/// An event. Topic 0 = keccak256("Name(type1,type2)") unless anonymous; indexed static values are their
/// 32-byte encodings in the topics; indexed dynamic values only appear hashed (ABI spec, "Events").
/// </summary>
public sealed class AbiEvent
{
    public AbiEvent(string name, IReadOnlyList<AbiParameter> inputs, bool anonymous = false)
    {
        Name = name;
        Inputs = inputs;
        Anonymous = anonymous;
        Signature = AbiFormat.Signature(name, inputs);
        Topic0 = Keccak256.Hash(Signature);
    }

    public string Name { get; }

    public IReadOnlyList<AbiParameter> Inputs { get; }

    public bool Anonymous { get; }

    public string Signature { get; }

    public ReadOnlyMemory<byte> Topic0 { get; }

    public string Topic0Hex => HexEncoding.ToHex(Topic0.Span);

    /// <summary>The topic a filter must match for an indexed value.</summary>
    public static byte[] EncodeTopic(AbiType type, object? value)
    {
        ArgumentNullException.ThrowIfNull(type);
        return type switch
        {
            BytesType b => Keccak256.Hash(b.IsString ? System.Text.Encoding.UTF8.GetBytes((string)value!) : AbiConvert.ToBytes(value, "bytes")),
            _ when type.IsDynamic || type is TupleType || type is ArrayType => Keccak256.Hash(type.Encode(value)),
            _ => type.Encode(value),
        };
    }

    /// <summary>Decodes a log's topics and data into the event's values, in input order.</summary>
    /// <exception cref="AbiDecodingException">The topics do not belong to this event or the data is malformed.</exception>
    public DecodedEvent Decode(IReadOnlyList<byte[]> topics, ReadOnlySpan<byte> data)
    {
        ArgumentNullException.ThrowIfNull(topics);
        var first = Anonymous ? 0 : 1;
        var indexed = Inputs.Where(i => i.Indexed).ToArray();
        if (topics.Count != first + indexed.Length)
        {
            throw new AbiDecodingException($"{Signature} has {first + indexed.Length} topics; the log has {topics.Count}.");
        }

        if (!Anonymous && !topics[0].AsSpan().SequenceEqual(Topic0.Span))
        {
            throw new AbiDecodingException($"Log topic 0 is not the signature hash of {Signature}.");
        }

        var unindexed = AbiEncoder.Decode(Inputs.Where(i => !i.Indexed).ToArray(), data);
        var values = new object?[Inputs.Count];
        int topic = first, plain = 0;
        for (var i = 0; i < Inputs.Count; i++)
        {
            var input = Inputs[i];
            if (!input.Indexed)
            {
                values[i] = unindexed[plain++];
            }
            else if (input.Type.IsDynamic || input.Type is TupleType || input.Type is ArrayType)
            {
                values[i] = topics[topic++];
            }
            else
            {
                values[i] = input.Type.Decode(topics[topic++], 0);
            }
        }

        return new DecodedEvent(this, values);
    }
}
