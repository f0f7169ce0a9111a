using System.Diagnostics.CodeAnalysis;
using Nethereum.Util;

namespace PowerVerse.GpuAgent.Signing;

/// <summary>
/// Addresses as the agent writes them in queue names and messages (DESIGN §3): "0x" + 40 lowercase hex digits.
/// Reads lowercase, uppercase or EIP-55 checksummed text; mixed case with a wrong checksum is refused (EIP-55).
/// </summary>
internal static class AgentAddress
{
    public static bool TryNormalize([NotNullWhen(true)] string? text, [NotNullWhen(true)] out string? address)
    {
        address = null;
        if (text is null || !text.StartsWith("0x", StringComparison.Ordinal) || !AddressUtil.Current.IsValidEthereumAddressHexFormat(text))
        {
            return false;
        }

        var digits = text.AsSpan(2);
        var mixed = digits.ContainsAnyInRange('a', 'f') && digits.ContainsAnyInRange('A', 'F');
        if (mixed && !AddressUtil.Current.IsChecksumAddress(text))
        {
            return false;
        }

        address = text.ToLowerInvariant();
        return true;
    }

    public static string Normalize(string text) =>
        TryNormalize(text, out var address) ? address : throw new FormatException($"'{text}' is not an address: '0x' and 40 hex digits, EIP-55 checksummed if mixed case.");
}
