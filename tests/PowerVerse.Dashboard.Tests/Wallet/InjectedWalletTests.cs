using System.Text.Json;
using Microsoft.Playwright;
using Nethereum.Signer.EIP712;
using Nethereum.Web3;
using PowerVerse.Client.Accounts;
using PowerVerse.Dashboard.Tests.Browser;
using PowerVerse.Testing;

namespace PowerVerse.Dashboard.Tests.Wallet;

/// <summary>
/// The injected <c>window.ethereum</c> in Chromium on a page of its own (no dashboard): a page's requests reach the .NET
/// wallet, its answers and refusals come back as EIP-1193 says, and what it sends lands on a real Hardhat node.
/// </summary>
public sealed class InjectedWalletTests(ChromiumBrowser browser) : IClassFixture<ChromiumBrowser>
{
    private static readonly Uri Origin = new("http://wallet.test/");

    [BrowserFact]
    public async Task Request_SignTypedDataV4_SignedByTheInjectedKey()
    {
        await using var session = await CreateSutAsync(new Uri("http://127.0.0.1:9"));
        var typed = """{"types":{"EIP712Domain":[{"name":"name","type":"string"},{"name":"chainId","type":"uint256"}],"Note":[{"name":"text","type":"string"}]},"primaryType":"Note","domain":{"name":"test","chainId":31337},"message":{"text":"hi"}}""";

        var signature = await session.Page.EvaluateAsync<string>("""
            async typed => {
              const [account] = await window.ethereum.request({ method: 'eth_requestAccounts' });
              return await window.ethereum.request({ method: 'eth_signTypedData_v4', params: [account, typed] });
            }
            """, typed);

        Assert.Equal(session.Wallet.Address, Eip712TypedDataSigner.Current.RecoverFromSignatureV4(typed, signature), StringComparer.OrdinalIgnoreCase);
        Assert.Equal(["eth_requestAccounts", "eth_signTypedData_v4"], session.Wallet.Requests.Select(r => r.Method));
        Assert.Equal("Note", session.Wallet.Requests[1].PrimaryType);
    }

    [BrowserFact]
    public async Task Request_Refused_ThrowsAnErrorWithTheWalletsCode()
    {
        await using var session = await CreateSutAsync(new Uri("http://127.0.0.1:9"));

        var error = await session.Page.EvaluateAsync<JsonElement>("""
            () => window.ethereum.request({ method: 'wallet_switchEthereumChain', params: [{ chainId: '0x1' }] })
              .then(() => null, e => ({ code: e.code, message: e.message, isError: e instanceof Error }))
            """);

        Assert.Equal(4902, error.GetProperty("code").GetInt32());
        Assert.True(error.GetProperty("isError").GetBoolean());
    }

    [BrowserFact]
    public async Task Request_SendTransaction_MinedFromTheWalletsAccount()
    {
        var node = await HardhatNode.Shared;
        await using var session = await CreateSutAsync(node.RpcUrl);

        var hash = await session.Page.EvaluateAsync<string>("""
            async to => {
              const [from] = await window.ethereum.request({ method: 'eth_requestAccounts' });
              return await window.ethereum.request({ method: 'eth_sendTransaction', params: [{ from, to, value: '0x1' }] });
            }
            """, HardhatAccounts.Key(10).GetPublicAddress());
        var receipt = await session.Page.EvaluateAsync<JsonElement>("hash => window.ethereum.request({ method: 'eth_getTransactionReceipt', params: [hash] })", hash);

        Assert.Equal("0x1", receipt.GetProperty("status").GetString());
        Assert.Equal(session.Wallet.Address, receipt.GetProperty("from").GetString(), StringComparer.OrdinalIgnoreCase);
        var chain = await new Web3(node.RpcUrl.ToString()).Eth.Transactions.GetTransactionByHash.SendRequestAsync(hash);
        Assert.Equal(session.Wallet.Address, chain.From, StringComparer.OrdinalIgnoreCase);
    }

    private async Task<DashboardSession> CreateSutAsync(Uri rpc)
    {
        var session = await DashboardSession.OpenAsync(browser, Origin, new TestWallet(HardhatAccounts.Key(9), HardhatAccounts.ChainId, rpc), "wallet");
        await session.Page.RouteAsync(Origin + "**", route => route.FulfillAsync(new RouteFulfillOptions
        {
            ContentType = "text/html",
            Body = "<!doctype html><html lang=\"en\"><title>wallet</title><h1>wallet</h1></html>",
        }));
        await session.GotoAsync("/");
        return session;
    }
}
