using System.Globalization;
using System.Numerics;
using Nethereum.RPC.Eth.DTOs;
using Eip712Domain = Nethereum.ABI.EIP712.Domain;
using Nethereum.Contracts;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.Signer;
using PowerVerse.Chain.Errors;
using PowerVerse.Chain.Forwarding;
using PowerVerse.Chain.Tests.Support;
using PowerVerse.Chain.Transactions;

namespace PowerVerse.Chain.Tests.Forwarding;

/// <summary>ERC-2771 requests signed here and relayed through PowerForwarder on the Hardhat node. User #11 (spends no gas), relayer #12.</summary>
public sealed class ForwarderTests
{
    private const int User = 11;
    private const int Relayer = 12;

    [Fact]
    public async Task Execute_RequestSignedInCSharp_RunsAsTheSigner()
    {
        var chain = await TestChain.Shared;
        var user = TestChain.Key(User);
        using var relayer = await chain.SenderAsync(Relayer);
        var forwarder = new ForwarderClient(chain.Web3, chain.ForwarderAddress);
        var domain = await forwarder.ReadDomainAsync();
        var nonceBefore = await forwarder.NoncesAsync(user.GetPublicAddress());
        var balanceBefore = await chain.Web3.Eth.GetBalance.SendRequestAsync(user.GetPublicAddress());
        var call = new ListFunction { Uid = 301, Price = 5, Note = "relayed" }.GetCallData();
        var request = await forwarder.BuildAsync(user.GetPublicAddress(), chain.MarketAddress, call, 200_000, Deadline());

        var signed = ForwardRequestSigner.Sign(request, domain, user);
        ForwardRequestSigner.Verify(signed, nonceBefore, domain, DateTimeOffset.UtcNow);
        Assert.True(await forwarder.VerifyOnChainAsync(signed));
        var entry = await relayer.SendAsync(new TransactionRequest { To = forwarder.Address, Data = ForwarderClient.ExecuteCalldata(signed) });
        var receipt = await relayer.WaitForConfirmationsAsync(entry);

        Assert.True(receipt.Succeeded());
        // ERC-2771: the market saw the user, not the relayer, as the sender of the relayed call.
        var listed = Assert.Single(receipt.DecodeAllEvents<ListedEvent>());
        Assert.Equal(user.GetPublicAddress(), listed.Event.Seller, ignoreCase: true);
        Assert.Equal(new BigInteger(301), listed.Event.Uid);
        Assert.Equal(nonceBefore + 1, await forwarder.NoncesAsync(user.GetPublicAddress()));
        Assert.Equal(balanceBefore.Value, (await chain.Web3.Eth.GetBalance.SendRequestAsync(user.GetPublicAddress())).Value);
    }

    [Fact]
    public async Task Execute_TamperedData_RefusedOffChainAndOnChainWithDecodedInvalidSigner()
    {
        var chain = await TestChain.Shared;
        var user = TestChain.Key(User);
        using var relayer = await chain.SenderAsync(Relayer);
        var forwarder = new ForwarderClient(chain.Web3, chain.ForwarderAddress);
        var domain = await forwarder.ReadDomainAsync();
        var request = await forwarder.BuildAsync(user.GetPublicAddress(), chain.MarketAddress, new ListFunction { Uid = 302, Price = 5, Note = "a" }.GetCallData(), 200_000, Deadline());
        var tampered = ForwardRequestSigner.Sign(request, domain, user);
        tampered.Data = new ListFunction { Uid = 302, Price = 0, Note = "a" }.GetCallData();

        Assert.Throws<InvalidForwardRequestException>(() => ForwardRequestSigner.Verify(tampered, request.Nonce, domain, DateTimeOffset.UtcNow));
        Assert.False(await forwarder.VerifyOnChainAsync(tampered));
        var ex = await Assert.ThrowsAsync<ContractRevertedException>(() =>
            relayer.SendAsync(new TransactionRequest { To = forwarder.Address, Data = ForwarderClient.ExecuteCalldata(tampered) }));
        Assert.Equal("ERC2771ForwarderInvalidSigner", ex.Error!.Name);
        Assert.Equal(user.GetPublicAddress(), (string)ex.Error["from"]!, ignoreCase: true);
    }

    [Fact]
    public async Task ReadDomain_PowerForwarder_IsTheDomainUsersSignUnder()
    {
        var chain = await TestChain.Shared;

        var domain = await new ForwarderClient(chain.Web3, chain.ForwarderAddress).ReadDomainAsync();

        Assert.Equal("PowerVerse Forwarder", domain.Name);
        Assert.Equal("1", domain.Version);
        Assert.Equal(new BigInteger(TestChain.ChainId), domain.ChainId);
        Assert.Equal(chain.ForwarderAddress, domain.VerifyingContract, ignoreCase: true);
    }

    [Fact]
    public void Verify_PastDeadline_Refused()
    {
        var domain = new Eip712Domain { Name = "PowerVerse Forwarder", Version = "1", ChainId = TestChain.ChainId, VerifyingContract = TestChain.AddressOf(19) };
        var request = new ForwardRequest { From = TestChain.AddressOf(User), To = TestChain.AddressOf(18), Gas = 50_000, Nonce = 0, Deadline = 1_800_000_000 };
        var signed = ForwardRequestSigner.Sign(request, domain, TestChain.Key(User));

        ForwardRequestSigner.Verify(signed, 0, domain, DateTimeOffset.FromUnixTimeSeconds(1_800_000_000));
        var ex = Assert.Throws<InvalidForwardRequestException>(() => ForwardRequestSigner.Verify(signed, 0, domain, DateTimeOffset.FromUnixTimeSeconds(1_800_000_001)));
        Assert.Contains("expired", ex.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidForwardRequestException>(() => ForwardRequestSigner.Verify(signed, 1, domain, DateTimeOffset.FromUnixTimeSeconds(1_800_000_000)));
        Assert.Throws<InvalidForwardRequestException>(() => ForwardRequestSigner.Sign(request, domain, TestChain.Key(12)));
        signed.Signature = signed.Signature[..64];
        Assert.Throws<InvalidForwardRequestException>(() => ForwardRequestSigner.Verify(signed, 0, domain, DateTimeOffset.FromUnixTimeSeconds(1_800_000_000)));
    }

    [Fact]
    public void Sign_FixedRequest_SameSignatureAndHashAsEthersAndTheOldSigner()
    {
        var c = TestData.Expected.GetProperty("typed")[3];
        var data = c.GetProperty("data");
        var d = data.GetProperty("domain");
        var m = data.GetProperty("message");
        var domain = new Eip712Domain
        {
            Name = d.GetProperty("name").GetString(),
            Version = d.GetProperty("version").GetString(),
            ChainId = d.GetProperty("chainId").GetInt64(),
            VerifyingContract = d.GetProperty("verifyingContract").GetString(),
        };
        var request = new ForwardRequest
        {
            From = m.GetProperty("from").GetString()!,
            To = m.GetProperty("to").GetString()!,
            Value = BigInteger.Parse(m.GetProperty("value").GetString()!, CultureInfo.InvariantCulture),
            Gas = BigInteger.Parse(m.GetProperty("gas").GetString()!, CultureInfo.InvariantCulture),
            Nonce = BigInteger.Parse(m.GetProperty("nonce").GetString()!, CultureInfo.InvariantCulture),
            Deadline = ulong.Parse(m.GetProperty("deadline").GetString()!, CultureInfo.InvariantCulture),
            Data = m.GetProperty("data").GetString()!.HexToByteArray(),
        };

        var signed = ForwardRequestSigner.Sign(request, domain, new EthECKey(c.GetProperty("privateKey").GetString()!));

        Assert.Equal(c.GetProperty("hash").GetString(), ForwardRequestSigner.Hash(request, domain).ToHex(prefix: true));
        Assert.Equal(c.GetProperty("signature").GetString(), signed.Signature.ToHex(prefix: true));
        Assert.Equal(request.From, ForwardRequestSigner.RecoverSigner(signed, request.Nonce, domain), ignoreCase: true);
    }

    [Fact]
    public void ExecuteCalldata_FixedRequest_SameAsEthers()
    {
        var fixedData = new ForwardRequestData
        {
            From = TestData.Expected.GetProperty("accounts")[10].GetProperty("address").GetString()!,
            To = TestData.Expected.GetProperty("accounts")[11].GetProperty("address").GetString()!,
            Gas = 100_000,
            Deadline = 1_900_000_000,
            Data = "0xd09de08a".HexToByteArray(),
            Signature = Enumerable.Repeat((byte)0x11, 65).ToArray(),
        };

        Assert.Equal(TestData.Expected.GetProperty("functions")[1].GetProperty("calldata").GetString(), ForwarderClient.ExecuteCalldata(fixedData).ToHex(prefix: true));
    }

    private static ulong Deadline() => (ulong)DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds();
}
