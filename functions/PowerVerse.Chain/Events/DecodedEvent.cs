using System.Numerics;

namespace PowerVerse.Chain.Events;

/// <summary>A contract event decoded by its topic: name, arguments by name, and where on chain it was emitted.</summary>
public sealed record DecodedEvent(
    string Name,
    string Contract,
    IReadOnlyDictionary<string, object?> Arguments,
    BigInteger BlockNumber,
    string BlockHash,
    string TransactionHash,
    long LogIndex)
{
    /// <summary>The argument as a number (uint/int of any width).</summary>
    public BigInteger Number(string name) => Arguments[name] switch
    {
        BigInteger big => big,
        IConvertible value => new BigInteger(value.ToInt64(System.Globalization.CultureInfo.InvariantCulture)),
        var other => throw new InvalidCastException($"{Name}.{name} is {other?.GetType().Name ?? "null"}, not a number."),
    };

    public string Address(string name) => (string)Arguments[name]!;

    /// <summary>Sorts events in chain order.</summary>
    public (BigInteger Block, long LogIndex) Position => (BlockNumber, LogIndex);
}
