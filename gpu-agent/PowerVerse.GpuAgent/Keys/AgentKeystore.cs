using System.Text.Json;
using Nethereum.KeyStore;
using Nethereum.KeyStore.Crypto;
using Nethereum.KeyStore.Model;
using Nethereum.Signer;

namespace PowerVerse.GpuAgent.Keys;

/// <summary>
/// The agent key at rest as a Web3 Secret Storage v3 keystore (as geth writes it), through Nethereum.KeyStore:
/// scrypt or PBKDF2-HMAC-SHA256 key derivation, AES-128-CTR, keccak256 MAC checked before decrypting.
/// Any failure becomes a <see cref="KeystoreException"/> that says what is wrong, never a bare library exception.
/// </summary>
internal static class AgentKeystore
{
    /// <summary>geth's cost for new keys (N = 2^18, r = 8, p = 1: 256 MiB, about a second).</summary>
    public const int StandardScryptN = 262144;

    public static string Encrypt(EthECKey key, string passphrase, int scryptN = StandardScryptN)
    {
        if (scryptN < 2 || (scryptN & (scryptN - 1)) != 0)
        {
            throw new KeystoreException($"scrypt N must be a power of two above 1; got {scryptN}.");
        }

        var cost = new ScryptParams { N = scryptN, R = 8, P = 1, Dklen = 32 };
        var address = key.GetPublicAddress().ToLowerInvariant()[2..];
        return new KeyStoreScryptService().EncryptAndGenerateKeyStoreAsJson(passphrase, AgentKeys.PrivateKeyBytes(key), address, cost);
    }

    public static EthECKey Decrypt(string json, string passphrase)
    {
        RequireVersion3(json);
        byte[] secret;
        try
        {
            secret = new KeyStoreService().DecryptKeyStoreFromJson(passphrase, json);
        }
        catch (DecryptionException e)
        {
            throw new KeystoreException("Wrong passphrase: the keystore's MAC does not match.", e);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Nethereum reports an unknown KDF, bad hex or a missing field as a plain Exception or a Newtonsoft one.
            throw new KeystoreException($"The keystore cannot be read: {e.Message}", e);
        }

        return AgentKeys.FromPrivateKey(secret);
    }

    /// <summary>Nethereum reads any version; Web3 Secret Storage's format and MAC are those of version 3 only.</summary>
    private static void RequireVersion3(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("version", out var version) || version.ValueKind != JsonValueKind.Number || version.GetRawText() != "3")
            {
                throw new KeystoreException("Only keystore version 3 is supported.");
            }
        }
        catch (JsonException e)
        {
            throw new KeystoreException($"The keystore is not JSON: {e.Message}", e);
        }
    }
}
