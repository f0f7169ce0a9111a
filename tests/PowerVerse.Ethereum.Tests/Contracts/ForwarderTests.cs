using System.Numerics;
using PowerVerse.Ethereum.Contracts;
using PowerVerse.Ethereum.Crypto;
using PowerVerse.Ethereum.Hex;
using PowerVerse.Ethereum.Signing;
using PowerVerse.Ethereum.Tests.Support;

namespace PowerVerse.Ethereum.Tests.Contracts;

/// <summary>ERC-2771 requests signed here and relayed through OpenZeppelin's forwarder. User #11 (no gas spent), relayer #12.</summary>
public sealed class ForwarderTests
{
    private const int User = 11;
    private const int Relayer = 12;

    [Fact]
    public async Task Execute_RequestSignedInCSharp_RunsAsTheSigner()
    {
        var chain = await Chain.Shared;
        var user = EthereumKey.Parse(TestData.PrivateKey(User));
        using var relayer = chain.Sender(Relayer);
        var forwarder = await ForwarderBinding.AtAsync(chain.Eth, chain.ForwarderAddress);
        var nonceBefore = await forwarder.NoncesAsync(user.Address);
        var balanceBefore = await chain.Eth.GetBalanceAsync(user.Address);
        var request = await forwarder.BuildAsync(user.Address, chain.MarketAddress, chain.Market.EncodeCall("list", 301, 5, "relayed"), 200_000, Deadline());

        var signed = request.Sign(user, forwarder.Domain);
        signed.Verify(forwarder.Domain, nonceBefore, DateTimeOffset.UtcNow);
        Assert.True(await forwarder.VerifyOnChainAsync(signed));
        var receipt = await relayer.WaitForConfirmationsAsync(await forwarder.ExecuteAsync(relayer, signed));

        Assert.True(receipt.Succeeded);
        Assert.Equal(user.Address, (await chain.Market.CallAsync("listing", [301]))[0]);
        // ERC-2771: the market saw the user, not the relayer, as the sender of the relayed call.
        Assert.Equal(user.Address, Assert.Single(chain.Market.DecodeEvents(receipt))["seller"]);
        Assert.Equal(nonceBefore + 1, await forwarder.NoncesAsync(user.Address));
        Assert.Equal(balanceBefore, await chain.Eth.GetBalanceAsync(user.Address));
        var executed = forwarder.Contract.DecodeEvents(receipt).Single(e => e.Name == "ExecutedForwardRequest");
        Assert.Equal(user.Address, executed["signer"]);
        Assert.Equal(true, executed["success"]);
    }

    [Fact]
    public async Task Execute_TamperedData_RevertsWithDecodedInvalidSigner()
    {
        var chain = await Chain.Shared;
        var user = EthereumKey.Parse(TestData.PrivateKey(User));
        using var relayer = chain.Sender(Relayer);
        var forwarder = await ForwarderBinding.AtAsync(chain.Eth, chain.ForwarderAddress);
        var request = await forwarder.BuildAsync(user.Address, chain.MarketAddress, chain.Market.EncodeCall("list", 302, 5, "a"), 200_000, Deadline());
        var signed = request.Sign(user, forwarder.Domain);
        var tampered = signed with { Data = chain.Market.EncodeCall("list", 302, 0, "a") };

        Assert.Throws<InvalidSignatureException>(() => tampered.Verify(forwarder.Domain, request.Nonce, DateTimeOffset.UtcNow));
        Assert.False(await forwarder.VerifyOnChainAsync(tampered));
        var ex = await Assert.ThrowsAsync<ContractRevertException>(() => forwarder.ExecuteAsync(relayer, tampered));
        Assert.Equal("ERC2771ForwarderInvalidSigner", ex.ErrorName);
        Assert.Equal(user.Address, ex.Error!["from"]);
    }

    [Fact]
    public void Sign_FixedRequest_MatchesEthersSignatureAndCalldata()
    {
        var c = TestData.Expected.GetProperty("typed")[3];
        var data = TypedDataJson.Parse(c.GetProperty("data").GetRawText());
        var m = data.Message;
        var domain = new ForwarderDomain((string)data.Domain["name"]!, (BigInteger)data.Domain["chainId"]!, Address.Parse((string)data.Domain["verifyingContract"]!));
        var request = new ForwardRequest
        {
            From = Address.Parse((string)m["from"]!),
            To = Address.Parse((string)m["to"]!),
            Value = BigInteger.Parse((string)m["value"]!, System.Globalization.CultureInfo.InvariantCulture),
            Gas = 100_000,
            Nonce = 3,
            Deadline = 1_900_000_000,
            Data = HexEncoding.ToBytes((string)m["data"]!),
        };

        var signed = request.Sign(EthereumKey.Parse(c.GetProperty("privateKey").GetString()!), domain);

        Assert.Equal(c.GetProperty("signature").GetString(), HexEncoding.ToHex(signed.Signature.Span));
        var fixedData = new ForwardRequestData(signed.From, Address.Parse(TestData.Expected.GetProperty("accounts")[11].GetProperty("address").GetString()!),
            0, 100_000, 1_900_000_000, HexEncoding.ToBytes("0xd09de08a"), Enumerable.Repeat((byte)0x11, 65).ToArray());
        Assert.Equal(TestData.Expected.GetProperty("functions")[1].GetProperty("calldata").GetString(), HexEncoding.ToHex(ForwarderBinding.EncodeExecute(fixedData)));
    }

    private static ulong Deadline() => (ulong)DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds();
}
