namespace PowerVerse.Dashboard.Services;

/// <summary>Addresses as people read them: <c>0x1234…abcd</c> (the full one goes in a title and the copy button).</summary>
public static class Addresses
{
    public static string Abbreviate(string address) =>
        address is { Length: 42 } ? $"{address[..6]}…{address[^4..]}" : address;

    public static bool Same(string? a, string? b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
