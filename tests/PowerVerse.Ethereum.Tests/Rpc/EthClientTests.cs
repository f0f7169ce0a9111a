using System.Numerics;
using PowerVerse.Ethereum.Abi;
using PowerVerse.Ethereum.Crypto;
using PowerVerse.Ethereum.Rpc;
using PowerVerse.Ethereum.Tests.Support;
using PowerVerse.Ethereum.Transactions;

namespace PowerVerse.Ethereum.Tests.Rpc;

/// <summary>The JSON-RPC client against the shared Hardhat node, directly and through a misbehaving proxy. Account #17.</summary>
public sealed class EthClientTests
{
    private const int Account = 17;

    [Fact]
    public async Task Reads_ChainIdBlockBalanceNonceFees_AreTyped()
    {
        var chain = await Chain.Shared;
        // #16 sends only on the private node of StuckTransactionTests, so on the shared node it is untouched.
        var address = EthereumKey.Parse(TestData.PrivateKey(16)).Address;

        Assert.Equal(new BigInteger(31337), await chain.Eth.ChainIdAsync());
        Assert.True(await chain.Eth.BlockNumberAsync() >= 2);
        Assert.Equal(BigInteger.Pow(10, 22), await chain.Eth.GetBalanceAsync(address));
        Assert.Equal(0, await chain.Eth.GetTransactionCountAsync(address));
        Assert.NotEmpty(await chain.Eth.GetCodeAsync(chain.MarketAddress));
        var history = await chain.Eth.FeeHistoryAsync(2, EthClient.Latest, [25, 75]);
        Assert.Equal(3, history.BaseFeePerGas.Count);
        Assert.All(history.Reward, r => Assert.Equal(2, r.Count));
        Assert.True(history.NextBaseFee > 0);
    }

    [Fact]
    public async Task SendAsync_UnknownMethod_ThrowsRpcExceptionWithNodePayloadAndNoRetry()
    {
        var chain = await Chain.Shared;
        using var proxy = new NodeProxy(chain.Node.RpcUrl);
        var eth = Chain.Client(proxy.Url);

        var ex = await Assert.ThrowsAsync<RpcException>(() => eth.Rpc.SendAsync("eth_noSuchMethod", []));

        Assert.Equal("eth_noSuchMethod", ex.Method);
        Assert.NotEqual(0, ex.Code);
        Assert.Contains("eth_noSuchMethod", ex.NodeMessage, StringComparison.Ordinal);
        Assert.Equal(1, proxy.Requests);
    }

    [Fact]
    public async Task SendAsync_DroppedConnections_RetriesAndSucceeds()
    {
        var chain = await Chain.Shared;
        using var proxy = new NodeProxy(chain.Node.RpcUrl);
        proxy.DropNext(2);
        var eth = Chain.Client(proxy.Url);

        Assert.Equal(new BigInteger(31337), await eth.ChainIdAsync());
        Assert.Equal(3, proxy.Requests);
    }

    [Fact]
    public async Task SendAsync_NodeGone_ThrowsRpcTransportExceptionAfterRetries()
    {
        var rpc = new JsonRpcClient(new HttpClient(), new Uri($"http://127.0.0.1:{PowerVerse.Testing.FreePort.Next()}/"),
            new JsonRpcClientOptions { MaxRetries = 2, RetryDelay = TimeSpan.FromMilliseconds(10) });

        var ex = await Assert.ThrowsAsync<RpcTransportException>(() => rpc.SendAsync("eth_chainId", []));

        Assert.Contains("3 attempts", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_NodeNeverAnswers_TimesOutPerAttemptAndThrowsRpcTransportException()
    {
        using var silent = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        silent.Start();
        var port = ((System.Net.IPEndPoint)silent.LocalEndpoint).Port;
        var rpc = new JsonRpcClient(new HttpClient(), new Uri($"http://127.0.0.1:{port}/"),
            new JsonRpcClientOptions { Timeout = TimeSpan.FromMilliseconds(300), MaxRetries = 1, RetryDelay = TimeSpan.FromMilliseconds(10) });
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var ex = await Assert.ThrowsAsync<RpcTransportException>(() => rpc.SendAsync("eth_chainId", []));

        Assert.Contains("no answer within", ex.Message, StringComparison.Ordinal);
        Assert.Contains("2 attempts", ex.Message, StringComparison.Ordinal);
        Assert.InRange(watch.Elapsed, TimeSpan.FromMilliseconds(600), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task GetLogs_NodeRefusesLargeRanges_SplitsAndReturnsEveryMatchingLogInOrder()
    {
        var chain = await Chain.Shared;
        using var sender = chain.Sender(Account);
        var from = await chain.Eth.BlockNumberAsync() + 1;
        var entries = new List<JournalEntry>();
        for (var i = 0; i < 6; i++)
        {
            entries.Add(await chain.Market.SendAsync(sender, "list", [400 + (i % 2), i, "split"]));
        }

        foreach (var e in entries)
        {
            await sender.WaitForConfirmationsAsync(e);
        }

        var to = await chain.Eth.BlockNumberAsync();
        using var proxy = new NodeProxy(chain.Node.RpcUrl) { MaxLogRange = 2 };
        var eth = Chain.Client(proxy.Url);
        var listed = Chain.MarketAbi.GetEvent("Listed");
        var filter = new LogFilter
        {
            FromBlock = from,
            ToBlock = to,
            Addresses = [chain.MarketAddress],
            Topics = [[listed.Topic0.ToArray()], [AbiEvent.EncodeTopic(AbiType.Uint256, 401)], [AbiEvent.EncodeTopic(AbiType.Address, sender.Address)]],
        };

        var logs = await eth.GetLogsAsync(filter);

        Assert.True(proxy.Refusals > 0);
        Assert.Equal(3, logs.Count);
        Assert.Equal(logs.OrderBy(l => l.BlockNumber).ThenBy(l => l.LogIndex), logs);
        Assert.All(logs, l => Assert.Equal(new BigInteger(401), listed.Decode(l.Topics, l.Data)["uid"]));
        Assert.Equal(logs.Select(l => l.TransactionHash), entries.Where((_, i) => i % 2 == 1).Select(e => e.TransactionHash));
    }
}
