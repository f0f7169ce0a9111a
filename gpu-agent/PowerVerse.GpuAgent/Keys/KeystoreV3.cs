using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using PowerVerse.Ethereum.Crypto;
using PowerVerse.Ethereum.Hex;

namespace PowerVerse.GpuAgent.Keys;

/// <summary>
/// The agent key at rest, in the Web3 Secret Storage format version 3 (keystore v3, as geth writes it):
/// derived key = scrypt or PBKDF2-HMAC-SHA256(passphrase, salt); ciphertext = AES-128-CTR(dk[0..16], iv, key);
/// mac = keccak256(dk[16..32] ‖ ciphertext), checked before decrypting so a wrong passphrase is reported as such.
/// </summary>
internal static class KeystoreV3
{
    public static string Encrypt(EthereumKey key, string passphrase, ScryptParameters? cost = null)
    {
        cost ??= ScryptParameters.Standard;
        var salt = RandomNumberGenerator.GetBytes(32);
        var iv = RandomNumberGenerator.GetBytes(16);
        var derived = Scrypt.Derive(Encoding.UTF8.GetBytes(passphrase), salt, cost.N, cost.R, cost.P, 32);
        var ciphertext = AesCtr(derived.AsSpan(0, 16), iv, key.PrivateKeyBytes());
        var json = new JsonObject
        {
            ["address"] = key.Address.ToLowerHex()[2..],
            ["crypto"] = new JsonObject
            {
                ["cipher"] = "aes-128-ctr",
                ["cipherparams"] = new JsonObject { ["iv"] = Hex(iv) },
                ["ciphertext"] = Hex(ciphertext),
                ["kdf"] = "scrypt",
                ["kdfparams"] = new JsonObject { ["dklen"] = 32, ["n"] = cost.N, ["p"] = cost.P, ["r"] = cost.R, ["salt"] = Hex(salt) },
                ["mac"] = Hex(Mac(derived, ciphertext)),
            },
            ["id"] = Guid.NewGuid().ToString(),
            ["version"] = 3,
        };
        return json.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    public static EthereumKey Decrypt(string json, string passphrase)
    {
        try
        {
            var root = JsonNode.Parse(json) ?? throw new KeystoreException("The keystore is empty.");
            if ((int?)root["version"] != 3)
            {
                throw new KeystoreException("Only keystore version 3 is supported.");
            }

            var crypto = root["crypto"] ?? root["Crypto"] ?? throw new KeystoreException("The keystore has no 'crypto' section.");
            if ((string?)crypto["cipher"] != "aes-128-ctr")
            {
                throw new KeystoreException($"Unsupported cipher '{crypto["cipher"]}'; keystore v3 requires aes-128-ctr.");
            }

            var ciphertext = Bytes(crypto["ciphertext"]);
            var derived = Derive(crypto, Encoding.UTF8.GetBytes(passphrase));
            if (!CryptographicOperations.FixedTimeEquals(Mac(derived, ciphertext), Bytes(crypto["mac"])))
            {
                throw new KeystoreException("Wrong passphrase: the keystore's MAC does not match.");
            }

            var iv = Bytes(crypto["cipherparams"]?["iv"]);
            return new EthereumKey(AesCtr(derived.AsSpan(0, 16), iv, ciphertext));
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or HexFormatException)
        {
            throw new KeystoreException($"The keystore is malformed: {e.Message}", e);
        }
    }

    private static byte[] Derive(JsonNode crypto, byte[] passphrase)
    {
        var p = crypto["kdfparams"] ?? throw new KeystoreException("The keystore has no 'kdfparams'.");
        var length = (int?)p["dklen"] ?? 32;
        var salt = Bytes(p["salt"]);
        return (string?)crypto["kdf"] switch
        {
            "scrypt" => Scrypt.Derive(passphrase, salt, (int)p["n"]!, (int)p["r"]!, (int)p["p"]!, length),
            "pbkdf2" when (string?)p["prf"] == "hmac-sha256" => Rfc2898DeriveBytes.Pbkdf2(passphrase, salt, (int)p["c"]!, HashAlgorithmName.SHA256, length),
            var other => throw new KeystoreException($"Unsupported key derivation '{other}'."),
        };
    }

    private static byte[] Mac(byte[] derived, byte[] ciphertext) => Keccak256.Hash([.. derived.AsSpan(16, 16), .. ciphertext]);

    /// <summary>AES-128 in counter mode (NIST SP 800-38A §6.5) with the whole 16-byte IV as a big-endian counter.</summary>
    private static byte[] AesCtr(ReadOnlySpan<byte> key, byte[] iv, byte[] input)
    {
        using var aes = Aes.Create();
        aes.Key = key.ToArray();
        var counter = (byte[])iv.Clone();
        var output = new byte[input.Length];
        for (var offset = 0; offset < input.Length; offset += 16)
        {
            var stream = aes.EncryptEcb(counter, PaddingMode.None);
            for (var i = 0; i < 16 && offset + i < input.Length; i++)
            {
                output[offset + i] = (byte)(input[offset + i] ^ stream[i]);
            }

            for (var i = 15; i >= 0 && ++counter[i] == 0; i--)
            {
                // carry into the next byte up
            }
        }

        return output;
    }

    private static byte[] Bytes(JsonNode? node) => HexEncoding.ToBytes((string?)node ?? throw new KeystoreException("A keystore field is missing."));

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
