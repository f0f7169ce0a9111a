namespace PowerVerse.Dashboard.Services;

/// <summary>Addresses as people read them: <c>0x1234…abcd</c> (the full one goes in a title and the copy button).</summary>
public static class Addresses
{
    public static string Abbreviate(string address) =>
        address is { Length: 42 } ? $"{address[..6]}…{address[^4..]}" : address;

    public static bool Same(string? a, string? b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether <paramref name="text"/>, trimmed, is an address as typed: 0x and 40 hexadecimal digits (any case).</summary>
    public static bool IsAddress(string? text) =>
        text?.Trim() is { Length: 42 } a && a.StartsWith("0x", StringComparison.OrdinalIgnoreCase) && a[2..].All(char.IsAsciiHexDigit);
}
