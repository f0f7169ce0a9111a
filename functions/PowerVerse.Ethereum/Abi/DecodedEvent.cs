namespace PowerVerse.Ethereum.Abi;

/// <summary>A decoded log. Indexed dynamic values are given as their 32-byte topic hash.</summary>
public sealed class DecodedEvent(AbiEvent abiEvent, IReadOnlyList<object?> values)
{
    public AbiEvent Event { get; } = abiEvent;

    public string Name => Event.Name;

    public IReadOnlyList<object?> Values { get; } = values;

    public object? this[string name]
    {
        get
        {
            for (var i = 0; i < Event.Inputs.Count; i++)
            {
                if (Event.Inputs[i].Name == name)
                {
                    return Values[i];
                }
            }

            throw new KeyNotFoundException($"{Event.Signature} has no field '{name}'.");
        }
    }

    public override string ToString() => AbiFormat.FormatCall(Name, Event.Inputs, Values);
}
