using System.Globalization;

namespace PowerVerse.Ethereum.Abi;

/// <summary>T[k] (static when T is) and T[] (always dynamic: a length word, then the elements as a sequence).</summary>
internal sealed class ArrayType(AbiType element, int? length) : AbiType
{
    public AbiType Element { get; } = element;

    public int? Length { get; } = length;

    public override string CanonicalName =>
        Element.CanonicalName + "[" + (Length?.ToString(CultureInfo.InvariantCulture) ?? string.Empty) + "]";

    public override bool IsDynamic => Length is null || Element.IsDynamic;

    internal override int HeadSize => IsDynamic ? 32 : Length!.Value * Element.HeadSize;

    internal override byte[] Encode(object? value)
    {
        var items = AbiConvert.ToList(value, CanonicalName);
        if (Length is { } fixedLength && items.Count != fixedLength)
        {
            throw new AbiEncodingException($"{CanonicalName} needs exactly {fixedLength} elements; got {items.Count}.");
        }

        var body = AbiSequence.Encode(Enumerable.Repeat(Element, items.Count).ToArray(), items, i => $"element {i}");
        if (Length is not null)
        {
            return body;
        }

        var output = new byte[32 + body.Length];
        AbiWords.FromInteger(items.Count).CopyTo(output, 0);
        body.CopyTo(output, 32);
        return output;
    }

    internal override object? Decode(ReadOnlySpan<byte> data, int offset)
    {
        var count = Length ?? AbiWords.ReadSize(data, offset);
        var start = Length is null ? offset + 32 : offset;

        // Every element takes at least one word, so a count beyond the data is malformed (and not worth allocating for).
        if ((long)count * 32 > data.Length - start)
        {
            throw new AbiDecodingException($"{CanonicalName} of {count} elements at byte {offset} runs past the end of the data.");
        }

        return AbiSequence.Decode(Enumerable.Repeat(Element, count).ToArray(), data, start);
    }
}
