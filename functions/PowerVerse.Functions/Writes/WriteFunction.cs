using Nethereum.Contracts;
using Nethereum.Hex.HexConvertors.Extensions;

namespace PowerVerse.Functions.Writes;

/// <summary>A contract function a write may call: its 4-byte selector and how its calldata decodes into the DTO.</summary>
public sealed record WriteFunction(string Selector, Type Message, Func<byte[], FunctionMessage> Decode)
{
    public static WriteFunction Of<TFunction>()
        where TFunction : FunctionMessage, new() =>
        new(new TFunction().GetCallData()[..4].ToHex(prefix: true), typeof(TFunction), data => new TFunction().DecodeInput(data.ToHex(prefix: true)));
}
