using System.Globalization;

namespace PowerVerse.Ethereum.Abi;

/// <summary>bytes&lt;M&gt;, 1 ≤ M ≤ 32: right-padded with zeros to 32 bytes.</summary>
internal sealed class FixedBytesType(int length) : AbiType
{
    public int Length { get; } = length;

    public override string CanonicalName => Length == 24 ? "bytes24" : "bytes" + Length.ToString(CultureInfo.InvariantCulture);

    public override bool IsDynamic => false;

    internal override byte[] Encode(object? value)
    {
        var bytes = AbiConvert.ToBytes(value, CanonicalName);
        if (bytes.Length != Length)
        {
            throw new AbiEncodingException($"{CanonicalName} needs exactly {Length} bytes; got {bytes.Length}.");
        }

        var word = new byte[32];
        bytes.CopyTo(word, 0);
        return word;
    }

    internal override object? Decode(ReadOnlySpan<byte> data, int offset)
    {
        var word = AbiWords.Read(data, offset);
        if (word[Length..].ContainsAnyExcept((byte)0))
        {
            throw new AbiDecodingException($"Word at byte {offset} is not a {CanonicalName}: padding is not zero.");
        }

        return word[..Length].ToArray();
    }
}
