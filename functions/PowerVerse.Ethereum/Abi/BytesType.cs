using System.Text;

namespace PowerVerse.Ethereum.Abi;

/// <summary>bytes and string: length word, then the content right-padded to a multiple of 32 (string as UTF-8).</summary>
internal sealed class BytesType(bool isString) : AbiType
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public bool IsString { get; } = isString;

    public override string CanonicalName => IsString ? "string" : "bytes";

    public override bool IsDynamic => true;

    internal override byte[] Encode(object? value)
    {
        byte[] content = IsString
            ? value is string s ? StrictUtf8.GetBytes(s) : throw new AbiEncodingException($"{AbiConvert.Describe(value)} is not a string.")
            : AbiConvert.ToBytes(value, CanonicalName);
        var output = new byte[32 + AbiWords.Padded(content.Length)];
        AbiWords.FromInteger(content.Length).CopyTo(output, 0);
        content.CopyTo(output, 32);
        return output;
    }

    internal override object? Decode(ReadOnlySpan<byte> data, int offset)
    {
        var length = AbiWords.ReadSize(data, offset);
        if (offset + 32 + length > data.Length)
        {
            throw new AbiDecodingException($"{CanonicalName} of {length} bytes at byte {offset} runs past the end of the data.");
        }

        var content = data.Slice(offset + 32, length);
        if (!IsString)
        {
            return content.ToArray();
        }

        try
        {
            return StrictUtf8.GetString(content);
        }
        catch (DecoderFallbackException ex)
        {
            throw new AbiDecodingException($"string at byte {offset} is not valid UTF-8.", ex);
        }
    }
}
