using PowerVerse.Ethereum.Hex;

namespace PowerVerse.Ethereum.Crypto;

/// <summary>
/// A 20-byte account address. Prints with the EIP-55 mixed-case checksum; parses lowercase, uppercase
/// or correctly checksummed text and refuses mixed case whose checksum is wrong.
/// </summary>
public readonly struct Address : IEquatable<Address>
{
    public const int Length = 20;

    private readonly byte[]? _bytes;

    private Address(byte[] bytes) => _bytes = bytes;

    public static Address Zero { get; } = new(new byte[Length]);

    /// <summary>The 20 bytes (a copy).</summary>
    public byte[] ToBytes() => (byte[])Bytes.Clone();

    internal ReadOnlySpan<byte> Span => Bytes;

    private byte[] Bytes => _bytes ?? Zero._bytes!;

    public static Address FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Length)
        {
            throw new HexFormatException($"An address is {Length} bytes; got {bytes.Length}.");
        }

        return new Address(bytes.ToArray());
    }

    /// <summary>Parses "0x" + 40 hex digits, checking the EIP-55 checksum when the case is mixed.</summary>
    /// <exception cref="HexFormatException">Not 20 bytes of hex, or a mixed-case checksum that does not match.</exception>
    public static Address Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.StartsWith("0x", StringComparison.Ordinal) || text.Length != 42)
        {
            throw new HexFormatException($"Address '{text}' must be '0x' followed by 40 hex digits.");
        }

        var address = new Address(HexEncoding.ToBytes(text, Length));
        var digits = text.AsSpan(2);
        var mixed = digits.ContainsAnyInRange('a', 'f') && digits.ContainsAnyInRange('A', 'F');
        if (mixed && !string.Equals(address.ToString(), text, StringComparison.Ordinal))
        {
            throw new HexFormatException($"Address '{text}' has an invalid EIP-55 checksum; expected '{address}'.");
        }

        return address;
    }

    public static bool TryParse(string? text, out Address address)
    {
        try
        {
            address = text is null ? default : Parse(text);
            return text is not null;
        }
        catch (HexFormatException)
        {
            address = default;
            return false;
        }
    }

    /// <summary>EIP-55: a hex letter is uppercase when the matching nibble of keccak256(lowercase hex) is ≥ 8.</summary>
    public override string ToString()
    {
        var lower = Convert.ToHexStringLower(Bytes);
        Span<byte> hash = stackalloc byte[32];
        Span<byte> ascii = stackalloc byte[40];
        for (var i = 0; i < 40; i++)
        {
            ascii[i] = (byte)lower[i];
        }

        Keccak256.Hash(ascii, hash);
        return string.Create(42, (lower, hash.ToArray()), static (chars, state) =>
        {
            chars[0] = '0';
            chars[1] = 'x';
            for (var i = 0; i < 40; i++)
            {
                var nibble = (state.Item2[i / 2] >> (i % 2 == 0 ? 4 : 0)) & 0xf;
                var c = state.lower[i];
                chars[i + 2] = c >= 'a' && nibble >= 8 ? char.ToUpperInvariant(c) : c;
            }
        });
    }

    /// <summary>"0x" + 40 lowercase hex digits, the form used as a key in storage.</summary>
    public string ToLowerHex() => HexEncoding.ToHex(Bytes);

    public bool Equals(Address other) => Bytes.AsSpan().SequenceEqual(other.Bytes);

    public override bool Equals(object? obj) => obj is Address other && Equals(other);

    public override int GetHashCode()
    {
        var hash = default(HashCode);
        hash.AddBytes(Bytes);
        return hash.ToHashCode();
    }

    public static bool operator ==(Address left, Address right) => left.Equals(right);

    public static bool operator !=(Address left, Address right) => !left.Equals(right);
}
