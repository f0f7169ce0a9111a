namespace PowerVerse.Domain.Dividends;

/// <summary>The hex forms the dividend tree reads and writes: addresses and 32-byte hashes with a 0x prefix.</summary>
internal static class MerkleHex
{
    public static byte[] Address(string? text, string parameter) =>
        text is { Length: 42 } && text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) && IsHex(text.AsSpan(2))
            ? Convert.FromHexString(text.AsSpan(2))
            : throw new ArgumentException($"'{text}' is not an address (0x and 40 hex digits).", parameter);

    public static byte[] Hash(string? text, string parameter) =>
        text is { Length: 66 } && text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) && IsHex(text.AsSpan(2))
            ? Convert.FromHexString(text.AsSpan(2))
            : throw new ArgumentException($"'{text}' is not a 32-byte hash (0x and 64 hex digits).", parameter);

    public static string Text(ReadOnlySpan<byte> bytes) => "0x" + Convert.ToHexStringLower(bytes);

    private static bool IsHex(ReadOnlySpan<char> digits)
    {
        foreach (var c in digits)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
