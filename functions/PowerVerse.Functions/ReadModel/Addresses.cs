using Nethereum.Util;

namespace PowerVerse.Functions.ReadModel;

/// <summary>Ethereum addresses as the read model keeps them: EIP-55 checksummed in values, lowercase in keys.</summary>
internal static class Addresses
{
    /// <summary>Whether <paramref name="text"/> is 0x and 40 hex digits (any case: the checksum is not enforced on input).</summary>
    public static bool IsValid(string? text) =>
        text is { Length: 42 } && text[0] == '0' && (text[1] == 'x' || text[1] == 'X') && text.AsSpan(2).ContainsAnyExcept(HexDigits) is false;

    /// <summary>The EIP-55 form (checksum over the lowercase hex, EIP-55).</summary>
    public static string Normalize(string address) =>
        IsValid(address)
            ? AddressUtil.Current.ConvertToChecksumAddress("0x" + address[2..])
            : throw new ArgumentException($"'{address}' is not an address (0x and 40 hex digits).", nameof(address));

    private static readonly System.Buffers.SearchValues<char> HexDigits =
        System.Buffers.SearchValues.Create("0123456789abcdefABCDEF");
}
