namespace PowerVerse.Ethereum.Abi;

/// <summary>(T1,...,Tk): a sequence; dynamic when any component is. Encodes from a list in order or a dictionary by component name.</summary>
internal sealed class TupleType : AbiType
{
    private readonly AbiType[] _types;

    public TupleType(IReadOnlyList<AbiParameter> components)
    {
        Components = components;
        _types = components.Select(c => c.Type).ToArray();
    }

    public IReadOnlyList<AbiParameter> Components { get; }

    public override string CanonicalName => "(" + string.Join(",", _types.Select(t => t.CanonicalName)) + ")";

    public override bool IsDynamic => _types.Any(t => t.IsDynamic);

    internal override int HeadSize => IsDynamic ? 32 : _types.Sum(t => t.HeadSize);

    internal override byte[] Encode(object? value)
    {
        IReadOnlyList<object?> values = value is IReadOnlyDictionary<string, object?> named
            ? Components.Select(c => named.TryGetValue(c.Name, out var v) ? v : throw new AbiEncodingException($"Tuple field '{c.Name}' is missing.")).ToArray()
            : AbiConvert.ToList(value, CanonicalName);
        return AbiSequence.Encode(_types, values, i => string.IsNullOrEmpty(Components[i].Name) ? $"component {i}" : $"'{Components[i].Name}'");
    }

    internal override object? Decode(ReadOnlySpan<byte> data, int offset) => AbiSequence.Decode(_types, data, offset);
}
