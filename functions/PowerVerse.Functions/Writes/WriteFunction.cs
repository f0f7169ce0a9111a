using Nethereum.Contracts;
using Nethereum.Hex.HexConvertors.Extensions;

namespace PowerVerse.Functions.Writes;

/// <summary>A contract function a write may call: its 4-byte selector and how its calldata decodes into the DTO.</summary>
public sealed record WriteFunction(string Selector, Type Message, Func<byte[], FunctionMessage> Decode)
{
    /// <summary>
    /// The function of <typeparamref name="TFunction"/>. Its decoder takes only the exact ABI encoding of a call: a
    /// decoder pads short input, and the forwarder appends the sender's address, so a cut argument would otherwise run
    /// with the sender's bytes in it.
    /// </summary>
    public static WriteFunction Of<TFunction>()
        where TFunction : FunctionMessage, new() =>
        new(new TFunction().GetCallData()[..4].ToHex(prefix: true), typeof(TFunction), data =>
        {
            var decoded = new TFunction().DecodeInput(data.ToHex(prefix: true));
            return decoded.GetCallData().AsSpan().SequenceEqual(data)
                ? decoded
                : throw new FormatException($"The calldata is not the ABI encoding of a {typeof(TFunction).Name.Replace("Function", string.Empty, StringComparison.Ordinal)} call (cut, padded or not canonical).");
        });
}
