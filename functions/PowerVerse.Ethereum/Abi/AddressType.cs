namespace PowerVerse.Ethereum.Abi;

/// <summary>address: 20 bytes, left-padded with zeros to 32.</summary>
internal sealed class AddressType : AbiType
{
    public override string CanonicalName => "address";

    public override bool IsDynamic => false;

    internal override byte[] Encode(object? value)
    {
        var word = new byte[32];
        AbiConvert.ToAddress(value).Span.CopyTo(word.AsSpan(12));
        return word;
    }

    internal override object? Decode(ReadOnlySpan<byte> data, int offset)
    {
        var word = AbiWords.Read(data, offset);
        if (word[..12].ContainsAnyExcept((byte)0))
        {
            throw new AbiDecodingException($"Word at byte {offset} is not an address: its upper 12 bytes are not zero.");
        }

        return Crypto.Address.FromBytes(word[12..]);
    }
}
