using PowerVerse.GpuAgent.Keys;
using PowerVerse.GpuAgent.Tests.Support;

namespace PowerVerse.GpuAgent.Tests.Keys;

public sealed class AgentKeystoreTests
{
    // The test vectors of the Web3 Secret Storage Definition (ethereum.org), password "testpassword": one key, two KDFs.
    private const string SpecScrypt = """
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

    private const string SpecPbkdf2 = """
        {
            "crypto" : {
                "cipher" : "aes-128-ctr",
                "cipherparams" : { "iv" : "6087dab2f9fdbbfaddc31a909735c1e6" },
                "ciphertext" : "5318b4d5bcd28de64ee5559e671353e16f075ecae9f99c7a79a38af5f869aa46",
                "kdf" : "pbkdf2",
                "kdfparams" : {
                    "c" : 262144, "dklen" : 32, "prf" : "hmac-sha256",
                    "salt" : "ae3cd4e7013836a3df6bd7241b12db061dbe2c6785853cce422d148a624ce0bd"
                },
                "mac" : "517ead924a9d0dc3124507e3393d175ce3ff7c1e96529c6c555ce9e51205e9b2"
            },
            "id" : "3198bc9c-6672-5ab3-d995-4942343ae5b6",
            "version" : 3
        }
        """;

    private const string SpecKey = "7a28b5ba57c53603b0b07b56bba752f7784bf506fa95edc395f5cf6c7514fe9d";
    private const int Cheap = 1024;

    [Theory]
    [InlineData(SpecScrypt)]
    [InlineData(SpecPbkdf2)]
    public void Decrypt_SpecVectors_YieldThePublishedKeyAndAddress(string json)
    {
        var key = AgentKeystore.Decrypt(json, "testpassword");

        Assert.Equal(SpecKey, Convert.ToHexStringLower(AgentKeys.PrivateKeyBytes(key)));
        Assert.Equal("0x008aeeda4d805471df9b2a5b0f38a0c3bcba786b", key.GetPublicAddress().ToLowerInvariant());
    }

    [Fact]
    public void Decrypt_KeystoreWrittenByTheHandWrittenCode_OpensToTheSameKey()
    {
        var vectors = TestFiles.Json("legacy-signing-vectors.json");

        var key = AgentKeystore.Decrypt(TestFiles.Text("legacy-keystore-v3.json"), "legacy passphrase ü");

        Assert.Equal((string)vectors["privateKey"]!, "0x" + Convert.ToHexStringLower(AgentKeys.PrivateKeyBytes(key)));
        Assert.Equal((string)vectors["address"]!, key.GetPublicAddress());
    }

    [Fact]
    public void Decrypt_WrongPassphrase_ThrowsATypedErrorSayingSo()
    {
        var error = Assert.Throws<KeystoreException>(() => AgentKeystore.Decrypt(TestFiles.Text("legacy-keystore-v3.json"), "wrong"));

        Assert.Contains("Wrong passphrase", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Encrypt_ThenDecrypt_RoundTripsAKeyWithALeadingZeroByte()
    {
        var key = AgentKeys.Parse("0x00" + new string('1', 62));

        var json = AgentKeystore.Encrypt(key, "pässphrase", Cheap);
        var back = AgentKeystore.Decrypt(json, "pässphrase");

        Assert.Equal(32, AgentKeys.PrivateKeyBytes(back).Length);
        Assert.Equal(AgentKeys.PrivateKeyBytes(key), AgentKeys.PrivateKeyBytes(back));
        Assert.Contains(key.GetPublicAddress().ToLowerInvariant()[2..], json, StringComparison.Ordinal);
        Assert.Contains("\"n\":1024", json.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain(new string('1', 62), json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"version\" : 3", "\"version\" : 4", "version 3")]
    [InlineData("\"kdf\" : \"scrypt\"", "\"kdf\" : \"argon2\"", "cannot be read")]
    [InlineData("\"version\" : 3", "\"version\" : 3,,", "not JSON")]
    public void Decrypt_UnusableKeystore_ThrowsATypedError(string from, string to, string reason)
    {
        var error = Assert.Throws<KeystoreException>(() => AgentKeystore.Decrypt(SpecScrypt.Replace(from, to, StringComparison.Ordinal), "testpassword"));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0x1234")]
    [InlineData("0x0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141")]
    [InlineData("0xzz28b5ba57c53603b0b07b56bba752f7784bf506fa95edc395f5cf6c7514fe9d")]
    public void Parse_NotAPrivateKey_ThrowsATypedError(string hex)
    {
        Assert.Throws<KeystoreException>(() => AgentKeys.Parse(hex));
    }

    [Theory]
    [InlineData("0x" + SpecKey)]
    [InlineData(SpecKey)]
    public void Parse_ValidKey_GivesItsAddress(string hex)
    {
        Assert.Equal("0x008aeeda4d805471df9b2a5b0f38a0c3bcba786b", AgentKeys.Parse(hex).GetPublicAddress().ToLowerInvariant());
    }
}
