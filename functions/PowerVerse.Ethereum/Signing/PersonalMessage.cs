using System.Globalization;
using System.Text;
using PowerVerse.Ethereum.Crypto;

namespace PowerVerse.Ethereum.Signing;

/// <summary>
/// EIP-191 version 0x45 ("personal_sign"): keccak256("\u0019Ethereum Signed Message:\n" ‖ len(message) ‖ message),
/// with the length in decimal ASCII.
/// </summary>
public static class PersonalMessage
{
    public static byte[] Hash(ReadOnlySpan<byte> message)
    {
        var prefix = Encoding.ASCII.GetBytes("\u0019Ethereum Signed Message:\n" + message.Length.ToString(CultureInfo.InvariantCulture));
        var buffer = new byte[prefix.Length + message.Length];
        prefix.CopyTo(buffer, 0);
        message.CopyTo(buffer.AsSpan(prefix.Length));
        return Keccak256.Hash(buffer);
    }

    public static byte[] Hash(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return Hash(Encoding.UTF8.GetBytes(message));
    }

    public static Signature Sign(EthereumKey key, string message)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.Sign(Hash(message));
    }

    public static Signature Sign(EthereumKey key, ReadOnlySpan<byte> message)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.Sign(Hash(message));
    }

    /// <exception cref="InvalidSignatureException">The signature is malformed or recovers no key.</exception>
    public static Address RecoverSigner(string message, Signature signature) =>
        SignatureRecovery.RecoverAddress(Hash(message), signature);

    public static Address RecoverSigner(ReadOnlySpan<byte> message, Signature signature) =>
        SignatureRecovery.RecoverAddress(Hash(message), signature);
}
