using System.Globalization;
using System.Numerics;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.Util;

namespace PowerVerse.Functions.Indexer.Projections;

/// <summary>Log topics as eth_getLogs filters them: the event's signature hash, and indexed values as 32-byte words.</summary>
internal static class Topic
{
    public static string OfSignature(string signature) => Sha3Keccack.Current.CalculateHash(signature).EnsureHexPrefix();

    public static string Of(BigInteger value) => "0x" + value.ToString("x64", CultureInfo.InvariantCulture)[^64..];

    public static string Of(string address) => "0x" + address.RemoveHexPrefix().ToLowerInvariant().PadLeft(64, '0');
}
