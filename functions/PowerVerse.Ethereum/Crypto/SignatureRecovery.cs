namespace PowerVerse.Ethereum.Crypto;

/// <summary>Recovers signers from signatures (SEC 1 §4.1.6, the ecrecover precompile).</summary>
public static class SignatureRecovery
{
    /// <summary>The 64-byte public key that signed <paramref name="hash"/>.</summary>
    /// <exception cref="InvalidSignatureException">No key can be recovered.</exception>
    public static byte[] RecoverPublicKey(ReadOnlySpan<byte> hash, Signature signature)
    {
        ArgumentNullException.ThrowIfNull(signature);
        if (hash.Length != 32)
        {
            throw new ArgumentException($"Only 32-byte hashes are signed; got {hash.Length} bytes.", nameof(hash));
        }

        return Secp256k1.Recover(hash, signature);
    }

    /// <summary>The address that signed <paramref name="hash"/>.</summary>
    /// <exception cref="InvalidSignatureException">No key can be recovered.</exception>
    public static Address RecoverAddress(ReadOnlySpan<byte> hash, Signature signature) =>
        EthereumKey.AddressOf(RecoverPublicKey(hash, signature));
}
