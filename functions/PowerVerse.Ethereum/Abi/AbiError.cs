using PowerVerse.Ethereum.Crypto;

namespace PowerVerse.Ethereum.Abi;

/// <summary>A custom error (Solidity ≥ 0.8.4): revert data = selector ‖ encoded arguments, like a call.</summary>
public sealed class AbiError
{
    public AbiError(string name, IReadOnlyList<AbiParameter> inputs)
    {
        Name = name;
        Inputs = inputs;
        Signature = AbiFormat.Signature(name, inputs);
        Selector = Keccak256.Hash(Signature).AsMemory(0, 4);
    }

    /// <summary>Error(string), what require(cond, "reason") reverts with.</summary>
    public static AbiError ErrorString { get; } = new("Error", [new AbiParameter("message", AbiType.Utf8String)]);

    /// <summary>Panic(uint256), what failed asserts, overflow and division by zero revert with.</summary>
    public static AbiError Panic { get; } = new("Panic", [new AbiParameter("code", AbiType.Uint256)]);

    public string Name { get; }

    public IReadOnlyList<AbiParameter> Inputs { get; }

    public string Signature { get; }

    public ReadOnlyMemory<byte> Selector { get; }

    public byte[] Encode(params IReadOnlyList<object?> arguments)
    {
        var body = AbiEncoder.Encode(Inputs, arguments);
        return [.. Selector.Span, .. body];
    }

    public DecodedError Decode(ReadOnlySpan<byte> revertData)
    {
        if (revertData.Length < 4 || !revertData[..4].SequenceEqual(Selector.Span))
        {
            throw new AbiDecodingException($"Revert data does not start with the selector of {Signature}.");
        }

        return new DecodedError(this, AbiEncoder.Decode(Inputs, revertData[4..]));
    }
}
