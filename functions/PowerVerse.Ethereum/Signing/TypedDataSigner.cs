using PowerVerse.Ethereum.Crypto;

namespace PowerVerse.Ethereum.Signing;

/// <summary>Signs and verifies EIP-712 typed data (eth_signTypedData_v4).</summary>
public static class TypedDataSigner
{
    public static Signature Sign(EthereumKey key, TypedData data)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.Sign(Eip712Encoder.SigningHash(data));
    }

    /// <exception cref="InvalidSignatureException">The signature is malformed or recovers no key.</exception>
    public static Address RecoverSigner(TypedData data, Signature signature) =>
        SignatureRecovery.RecoverAddress(Eip712Encoder.SigningHash(data), signature);

    /// <summary>True when <paramref name="signature"/> over <paramref name="data"/> was made by <paramref name="expected"/>.</summary>
    public static bool Verify(TypedData data, Signature signature, Address expected)
    {
        try
        {
            return RecoverSigner(data, signature) == expected;
        }
        catch (InvalidSignatureException)
        {
            return false;
        }
    }
}
