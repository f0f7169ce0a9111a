namespace PowerVerse.Ethereum.Abi;

/// <summary>bool: a uint8 restricted to 0 and 1.</summary>
internal sealed class BoolType : AbiType
{
    public override string CanonicalName => "bool";

    public override bool IsDynamic => false;

    internal override byte[] Encode(object? value)
    {
        var word = new byte[32];
        word[31] = value switch
        {
            bool b => b ? (byte)1 : (byte)0,
            _ => throw new AbiEncodingException($"{AbiConvert.Describe(value)} is not a bool."),
        };
        return word;
    }

    internal override object? Decode(ReadOnlySpan<byte> data, int offset)
    {
        var word = AbiWords.Read(data, offset);
        if (word[..31].ContainsAnyExcept((byte)0) || word[31] > 1)
        {
            throw new AbiDecodingException($"Word at byte {offset} is not a bool (0 or 1).");
        }

        return word[31] == 1;
    }
}
