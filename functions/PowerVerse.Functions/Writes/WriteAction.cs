using Nethereum.Contracts;
using Nethereum.Hex.HexConvertors.Extensions;

namespace PowerVerse.Functions.Writes;

/// <summary>
/// One write of DESIGN §4: its route, the orchestration that carries it (also the workflow's name), the contract a
/// request must call, the functions it may call there, and the event that says it happened.
/// </summary>
public sealed record WriteAction(string Name, string Route, string Contract, string MainEvent, IReadOnlyList<WriteFunction> Functions)
{
    /// <summary>The workflow's input made from the checked write, where its workflow takes more than the write itself (null: the write).</summary>
    public Func<WriteRequest, object>? StartInput { get; init; }

    /// <summary>The calldata decoded as the function its selector names, or null when it is none of this action's.</summary>
    /// <exception cref="FormatException">The selector is this action's but the arguments are not exactly its ABI encoding.</exception>
    public FunctionMessage? Decode(byte[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Length < 4 || Functions.FirstOrDefault(f => f.Selector == data[..4].ToHex(prefix: true)) is not { } function)
        {
            return null;
        }

        try
        {
            return function.Decode(data);
        }
        catch (Exception ex) when (ex is not (FormatException or OutOfMemoryException))
        {
            throw new FormatException($"The calldata does not decode as {function.Message.Name}: {ex.Message}", ex);
        }
    }
}
