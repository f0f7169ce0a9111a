using System.Globalization;
using System.Numerics;

namespace PowerVerse.Ethereum.Abi;

/// <summary>uint&lt;M&gt; and int&lt;M&gt;, 8 ≤ M ≤ 256: big-endian, two's complement for int, padded to 32 bytes.</summary>
internal sealed class IntegerType : AbiType
{
    private readonly BigInteger _min;
    private readonly BigInteger _max;

    public IntegerType(int bits, bool signed)
    {
        Bits = bits;
        Signed = signed;
        _min = signed ? -(BigInteger.One << (bits - 1)) : BigInteger.Zero;
        _max = signed ? (BigInteger.One << (bits - 1)) - 1 : (BigInteger.One << bits) - 1;
    }

    public int Bits { get; }

    public bool Signed { get; }

    public override string CanonicalName => (Signed ? "int" : "uint") + Bits.ToString(CultureInfo.InvariantCulture);

    public override bool IsDynamic => false;

    internal override byte[] Encode(object? value)
    {
        var integer = AbiConvert.ToInteger(value, CanonicalName);
        if (integer < _min || integer > _max)
        {
            throw new AbiEncodingException($"{integer} is out of range for {CanonicalName} [{_min}, {_max}].");
        }

        return AbiWords.FromInteger(integer);
    }

    internal override object? Decode(ReadOnlySpan<byte> data, int offset)
    {
        var word = AbiWords.Read(data, offset);
        var value = new BigInteger(word, isUnsigned: !Signed, isBigEndian: true);
        if (value < _min || value > _max)
        {
            throw new AbiDecodingException($"Word at byte {offset} is out of range for {CanonicalName}.");
        }

        return value;
    }
}
