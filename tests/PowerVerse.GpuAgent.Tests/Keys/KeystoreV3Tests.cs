using PowerVerse.Ethereum.Crypto;
using PowerVerse.GpuAgent.Keys;

namespace PowerVerse.GpuAgent.Tests.Keys;

public sealed class KeystoreV3Tests
{
    // The scrypt test vector of the Web3 Secret Storage Definition (ethereum.org), password "testpassword".
    private const string SpecVector = """
        {
            "crypto" : {
                "cipher" : "aes-128-ctr",
                "cipherparams" : { "iv" : "83dbcc02d8ccb40e466191a123791e0e" },
                "ciphertext" : "d172bf743a674da9cdad04534d56926ef8358534d458fffccd4e6ad2fbde479c",
                "kdf" : "scrypt",
                "kdfparams" : {
                    "dklen" : 32, "n" : 262144, "p" : 8, "r" : 1,
                    "salt" : "ab0c7876052600dd703518d6fc3fe8984592145b591fc8fb5c6d43190334ba19"
                },
                "mac" : "2103ac29920d71da29f15d75b4a16dbe95cfd7ff8faea1056c33131d846e3097"
            },
            "id" : "3198bc9c-6672-5ab3-d995-4942343ae5b6",
            "version" : 3
        }
        """;

    private static readonly ScryptParameters Cheap = new(1024, 8, 1);

    [Fact]
    public void Decrypt_SpecScryptVector_YieldsThePublishedKeyAndAddress()
    {
        var key = KeystoreV3.Decrypt(SpecVector, "testpassword");

        Assert.Equal("7a28b5ba57c53603b0b07b56bba752f7784bf506fa95edc395f5cf6c7514fe9d", Convert.ToHexStringLower(key.PrivateKeyBytes()));
        Assert.Equal("0x008aeeda4d805471df9b2a5b0f38a0c3bcba786b", key.Address.ToLowerHex());
    }

    [Fact]
    public void Decrypt_WrongPassphrase_ThrowsWithoutDecrypting()
    {
        var json = KeystoreV3.Encrypt(EthereumKey.Generate(), "right", Cheap);

        var error = Assert.Throws<KeystoreException>(() => KeystoreV3.Decrypt(json, "wrong"));
        Assert.Contains("passphrase", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Encrypt_ThenDecrypt_RoundTripsTheKey()
    {
        var key = EthereumKey.Generate();

        var json = KeystoreV3.Encrypt(key, "pässphrase", Cheap);
        var back = KeystoreV3.Decrypt(json, "pässphrase");

        Assert.Equal(key.PrivateKeyBytes(), back.PrivateKeyBytes());
        Assert.Contains(key.Address.ToLowerHex()[2..], json, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToHexStringLower(key.PrivateKeyBytes()), json, StringComparison.Ordinal);
    }

    [Fact]
    public void Decrypt_OtherVersion_IsRejected()
    {
        Assert.Throws<KeystoreException>(() => KeystoreV3.Decrypt(SpecVector.Replace("\"version\" : 3", "\"version\" : 4", StringComparison.Ordinal), "testpassword"));
    }
}
