namespace PowerVerse.Ethereum.Abi;

/// <summary>A decoded revert: the error and its argument values; prints as <c>Name(arg=value, ...)</c>.</summary>
public sealed class DecodedError(AbiError error, IReadOnlyList<object?> values)
{
    public AbiError Error { get; } = error;

    public string Name => Error.Name;

    public IReadOnlyList<object?> Values { get; } = values;

    /// <summary>The value of the named argument.</summary>
    public object? this[string name]
    {
        get
        {
            for (var i = 0; i < Error.Inputs.Count; i++)
            {
                if (Error.Inputs[i].Name == name)
                {
                    return Values[i];
                }
            }

            throw new KeyNotFoundException($"{Error.Signature} has no argument '{name}'.");
        }
    }

    public override string ToString() => AbiFormat.FormatCall(Name, Error.Inputs, Values);
}
