using System.Numerics;
using System.Text.Json;
using Nethereum.Signer;
using PowerVerse.Chain.Forwarding;
using PowerVerse.Client.Accounts;
using PowerVerse.Client.Writes;
using Eip712Domain = Nethereum.ABI.EIP712.Domain;

namespace PowerVerse.Workflows.Tests.Client;

public sealed class SignedWriteTests
{
    private static readonly Eip712Domain Domain = new()
    {
        Name = "PowerVerse Forwarder", Version = "1", ChainId = 31337, VerifyingContract = "0x5FbDB2315678afecb367f032d93F642f64180aa3",
    };

    [Fact]
    public void ToJson_SignedWrite_SpecFormWithDecimalStringsAndLowercaseHex()
    {
        var write = new SignedWrite("0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65", "0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0",
            0, 1_000_000, 1_764_390_000, [0xAB, 0x01], [.. Enumerable.Repeat((byte)0xCD, 65)]);

        var json = write.ToJson();

        Assert.Equal(
            "{\"from\":\"0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65\",\"to\":\"0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0\"," +
            "\"value\":\"0\",\"gas\":\"1000000\",\"deadline\":\"1764390000\",\"data\":\"0xab01\",\"signature\":\"0x" + string.Concat(Enumerable.Repeat("cd", 65)) + "\"}",
            json);
    }

    [Fact]
    public void ToJson_Purchase_CarriesSshPublicKeyLast()
    {
        var write = new SignedWrite("0x01", "0x02", 0, 1, 2, [], [], "ssh-ed25519 AAAA pv@test");

        using var document = JsonDocument.Parse(write.ToJson());

        Assert.Equal(["from", "to", "value", "gas", "deadline", "data", "signature", "sshPublicKey"], document.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal("ssh-ed25519 AAAA pv@test", document.RootElement.GetProperty("sshPublicKey").GetString());
        Assert.Equal("0x", document.RootElement.GetProperty("data").GetString());
    }

    [Fact]
    public void Parse_JsonIntegersAndStrings_ReadsBothAndRefusesOtherMembers()
    {
        var write = SignedWrite.Parse("{\"from\":\"0x01\",\"to\":\"0x02\",\"value\":0,\"gas\":\"500000\",\"deadline\":1764390000,\"data\":\"0xAB\",\"signature\":\"0x\"}");

        Assert.Equal((BigInteger.Zero, new BigInteger(500_000), 1_764_390_000UL), (write.Value, write.Gas, write.Deadline));
        Assert.Equal([0xAB], write.Data);
        Assert.Null(write.SshPublicKey);
        Assert.Throws<JsonException>(() => SignedWrite.Parse("{\"from\":\"0x01\",\"to\":\"0x02\",\"value\":\"0\",\"gas\":\"1\",\"deadline\":\"1\",\"data\":\"0x\",\"signature\":\"0x\",\"nonce\":\"3\"}"));
        Assert.Throws<JsonException>(() => SignedWrite.Parse("{\"from\":\"0x01\",\"to\":\"0x02\",\"value\":\"-1\",\"gas\":\"1\",\"deadline\":\"1\",\"data\":\"0x\",\"signature\":\"0x\"}"));
    }

    [Fact]
    public void Parse_SignedRequestThroughJson_RecoversToItsSigner()
    {
        var key = HardhatAccounts.Key(4);
        var request = new ForwardRequest
        {
            From = key.GetPublicAddress(), To = "0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0", Gas = 1_000_000, Nonce = 7, Deadline = 1_764_390_000, Data = [1, 2, 3],
        };
        var json = SignedWrite.Of(ForwardRequestSigner.Sign(request, Domain, key)).ToJson();

        var read = SignedWrite.Parse(json).ToForwardRequestData();

        Assert.Equal(key.GetPublicAddress(), ForwardRequestSigner.RecoverSigner(read, 7, Domain));
        Assert.NotEqual(key.GetPublicAddress(), ForwardRequestSigner.RecoverSigner(read, 8, Domain));
    }

    [Fact]
    public void HardhatAccounts_WellKnownKeys_HaveTheirWellKnownAddresses()
    {
        Assert.Equal("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266", HardhatAccounts.Key(0).GetPublicAddress());
        Assert.Equal("0x70997970C51812dc3A010C7d01b50e0d17dc79C8", HardhatAccounts.Key(1).GetPublicAddress());
        Assert.Equal("0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65", HardhatAccounts.Key(4).GetPublicAddress());
        Assert.Equal("0x23618e81E3f5cdF7f54C3d65f7FBc0aBf5B21E8f", HardhatAccounts.Key(8).GetPublicAddress());
        Assert.Equal("0xa0Ee7A142d267C1f36714E4a8F75612F20a79720", HardhatAccounts.Key(9).GetPublicAddress());
        Assert.Equal("0xBcd4042DE499D14e55001CcbB24a551F3b954096", HardhatAccounts.Key(10).GetPublicAddress());
        Assert.Equal("0x8626f6940E2eb28930eFb4CeF49B2d1F2C9C1199", HardhatAccounts.Key(19).GetPublicAddress());
        Assert.Throws<ArgumentOutOfRangeException>(() => HardhatAccounts.Key(20));
    }
}
