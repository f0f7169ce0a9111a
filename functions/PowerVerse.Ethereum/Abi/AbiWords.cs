using System.Numerics;

namespace PowerVerse.Ethereum.Abi;

/// <summary>32-byte word helpers shared by the ABI types.</summary>
internal static class AbiWords
{
    public static byte[] FromInteger(BigInteger value)
    {
        var word = new byte[32];
        if (value.Sign < 0)
        {
            word.AsSpan().Fill(0xff);
        }

        var bytes = value.ToByteArray(isUnsigned: false, isBigEndian: true);
        var count = Math.Min(bytes.Length, 32);
        bytes.AsSpan(bytes.Length - count).CopyTo(word.AsSpan(32 - count));
        return word;
    }

    public static ReadOnlySpan<byte> Read(ReadOnlySpan<byte> data, int offset)
    {
        if (offset < 0 || offset > data.Length - 32)
        {
            throw new AbiDecodingException($"ABI data too short: needed a 32-byte word at offset {offset} of {data.Length} bytes.");
        }

        return data.Slice(offset, 32);
    }

    /// <summary>An offset or length: must be small enough to address the data.</summary>
    public static int ReadSize(ReadOnlySpan<byte> data, int offset)
    {
        var word = Read(data, offset);
        var value = new BigInteger(word, isUnsigned: true, isBigEndian: true);
        if (value > data.Length)
        {
            throw new AbiDecodingException($"ABI offset or length {value} at byte {offset} exceeds the {data.Length} bytes of data.");
        }

        return (int)value;
    }

    public static int Padded(int length) => (length + 31) / 32 * 32;
}
