using PowerVerse.Ethereum.Crypto;

namespace PowerVerse.Ethereum.Abi;

/// <summary>A contract function: selector = first 4 bytes of keccak256("name(type1,type2)").</summary>
public sealed class AbiFunction
{
    public AbiFunction(string name, IReadOnlyList<AbiParameter> inputs, IReadOnlyList<AbiParameter> outputs, string stateMutability = "nonpayable")
    {
        Name = name;
        Inputs = inputs;
        Outputs = outputs;
        StateMutability = stateMutability;
        Signature = AbiFormat.Signature(name, inputs);
        Selector = Keccak256.Hash(Signature).AsMemory(0, 4);
    }

    public string Name { get; }

    public IReadOnlyList<AbiParameter> Inputs { get; }

    public IReadOnlyList<AbiParameter> Outputs { get; }

    public string StateMutability { get; }

    public bool IsView => StateMutability is "view" or "pure";

    /// <summary>"name(type1,type2)", the canonical signature.</summary>
    public string Signature { get; }

    public ReadOnlyMemory<byte> Selector { get; }

    /// <summary>Parses "name(type1,type2)" (outputs unknown).</summary>
    public static AbiFunction Parse(string signature)
    {
        ArgumentNullException.ThrowIfNull(signature);
        var open = signature.IndexOf('(', StringComparison.Ordinal);
        if (open <= 0 || !signature.EndsWith(')'))
        {
            throw new AbiEncodingException($"'{signature}' is not a function signature like 'transfer(address,uint256)'.");
        }

        var inputs = AbiType.SplitTopLevel(signature[(open + 1)..^1]).Select((t, i) => new AbiParameter($"_{i}", AbiType.Parse(t))).ToArray();
        return new AbiFunction(signature[..open], inputs, []);
    }

    /// <summary>Calldata: selector ‖ encoded arguments.</summary>
    /// <exception cref="AbiEncodingException">Wrong number of arguments, or one does not fit its type.</exception>
    public byte[] EncodeCall(params IReadOnlyList<object?> arguments)
    {
        var body = AbiEncoder.Encode(Inputs, arguments);
        var data = new byte[4 + body.Length];
        Selector.Span.CopyTo(data);
        body.CopyTo(data, 4);
        return data;
    }

    /// <summary>Decodes calldata made by <see cref="EncodeCall"/>, checking the selector.</summary>
    public object?[] DecodeCall(ReadOnlySpan<byte> calldata)
    {
        if (calldata.Length < 4 || !calldata[..4].SequenceEqual(Selector.Span))
        {
            throw new AbiDecodingException($"Calldata does not start with the selector of {Signature}.");
        }

        return AbiEncoder.Decode(Inputs, calldata[4..]);
    }

    /// <exception cref="AbiDecodingException">The return data does not match the outputs.</exception>
    public object?[] DecodeOutput(ReadOnlySpan<byte> returnData) => AbiEncoder.Decode(Outputs, returnData);

    public override string ToString() => Signature;
}
