using PowerVerse.Ethereum.Hex;

namespace PowerVerse.Ethereum.Crypto;

/// <summary>A secp256k1 private key with its public key and address (Yellow Paper §7: address = keccak256(X ‖ Y)[12..]).</summary>
public sealed class EthereumKey
{
    private readonly Org.BouncyCastle.Math.BigInteger _d;
    private readonly byte[] _privateKey;

    public EthereumKey(ReadOnlySpan<byte> privateKey)
    {
        try
        {
            _d = Secp256k1.ToPrivateScalar(privateKey);
        }
        catch (ArgumentException ex)
        {
            throw new HexFormatException(ex.Message, ex);
        }

        _privateKey = privateKey.ToArray();
        PublicKey = Secp256k1.PublicKey(_d);
        Address = AddressOf(PublicKey.Span);
    }

    /// <summary>From "0x" + 64 hex digits.</summary>
    /// <exception cref="HexFormatException">Not 32 bytes of hex, or zero / ≥ n.</exception>
    public static EthereumKey Parse(string privateKeyHex) => new(HexEncoding.ToBytes(privateKeyHex, 32));

    /// <summary>A fresh random key from the OS's cryptographic generator.</summary>
    public static EthereumKey Generate()
    {
        Span<byte> bytes = stackalloc byte[32];
        while (true)
        {
            System.Security.Cryptography.RandomNumberGenerator.Fill(bytes);
            try
            {
                return new EthereumKey(bytes);
            }
            catch (HexFormatException)
            {
                // Zero or ≥ n: probability ~2^-128, draw again.
            }
        }
    }

    /// <summary>The 64-byte uncompressed public key without the 0x04 prefix.</summary>
    public ReadOnlyMemory<byte> PublicKey { get; }

    public Address Address { get; }

    public byte[] PrivateKeyBytes() => (byte[])_privateKey.Clone();

    /// <summary>Signs a 32-byte hash: RFC 6979 deterministic, low s, with recovery id.</summary>
    public Signature Sign(ReadOnlySpan<byte> hash)
    {
        if (hash.Length != 32)
        {
            throw new ArgumentException($"Only 32-byte hashes are signed; got {hash.Length} bytes.", nameof(hash));
        }

        return Secp256k1.Sign(hash, _d);
    }

    public static Address AddressOf(ReadOnlySpan<byte> publicKey)
    {
        if (publicKey.Length != 64)
        {
            throw new ArgumentException($"A public key is 64 bytes (X ‖ Y); got {publicKey.Length}.", nameof(publicKey));
        }

        Span<byte> hash = stackalloc byte[32];
        Keccak256.Hash(publicKey, hash);
        return Address.FromBytes(hash[12..]);
    }

    public override string ToString() => $"EthereumKey({Address})";
}
