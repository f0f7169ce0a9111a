using PowerVerse.Chain.Forwarding;
using PowerVerse.Client.Writes;
using PowerVerse.Workflows.Tests.Support;

namespace PowerVerse.Workflows.Tests.Client;

/// <summary>The signer against the deployed PowerForwarder: what it signs, the forwarder itself accepts.</summary>
[Collection(SharedStackTests.Name)]
public sealed class WriteSignerTests(LocalStack stack)
{
    [Fact]
    public async Task Sign_CreateResource_ForwarderVerifiesItAndIdIsItsHashAtTheNonce()
    {
        var wallet = new Wallet(stack, 6);
        var forwarder = new ForwarderClient(stack.Web3, stack.Manifest["PowerForwarder"]);

        var write = await wallet.Writes.CreateResourceAsync(1, 2_500, 8, 32_768, 250);

        var data = SignedWrite.Parse(write.Body.ToJson()).ToForwardRequestData();
        var nonce = await forwarder.NoncesAsync(wallet.Address);
        var domain = await forwarder.ReadDomainAsync();
        Assert.Equal(WriteRoutes.Resources, write.Route);
        Assert.Equal(stack.Manifest["ResourceRegistry"], write.Body.To);
        Assert.Equal(WriteSigner.Gas, write.Body.Gas);
        Assert.True(await forwarder.VerifyOnChainAsync(data));
        Assert.Equal(wallet.Address, ForwardRequestSigner.RecoverSigner(data, nonce, domain));
        Assert.Equal("0x" + Convert.ToHexStringLower(ForwardRequestSigner.Hash(data.ToRequest(nonce), domain)), write.Id);
        Assert.Matches("^0x[0-9a-f]{64}$", write.Id);
        var chainNow = (await stack.Clock.NowAsync()).ToUnixTimeSeconds();
        Assert.InRange((long)write.Body.Deadline - chainNow, 3_590, 3_610);
    }
}
