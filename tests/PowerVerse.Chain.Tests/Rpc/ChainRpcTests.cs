using System.Net;
using System.Net.Sockets;
using Nethereum.JsonRpc.Client;
using Nethereum.Web3;
using PowerVerse.Chain.Rpc;
using PowerVerse.Chain.Tests.Support;
using PowerVerse.Testing;

namespace PowerVerse.Chain.Tests.Rpc;

/// <summary>Transport faults are retried, node errors are not: against the shared node, through a misbehaving proxy.</summary>
public sealed class ChainRpcTests
{
    private static readonly ChainRpcOptions Fast = new() { MaxRetries = 2, RetryDelay = TimeSpan.FromMilliseconds(10), AttemptTimeout = TimeSpan.FromMilliseconds(500) };

    [Fact]
    public async Task Send_DroppedConnections_RetriedAndAnswered()
    {
        var chain = await TestChain.Shared;
        using var transport = new FlakyTransport(failures: 2);
        var web3 = new Web3(ChainRpc.CreateClient(chain.Node.RpcUrl, Fast, transport));

        Assert.Equal(TestChain.ChainId, (long)(await web3.Eth.ChainId.SendRequestAsync()).Value);
        Assert.Equal(3, transport.Attempts);
    }

    [Fact]
    public async Task Send_NodeError_NotRetriedAndKeepsThePayload()
    {
        var chain = await TestChain.Shared;
        using var proxy = new NodeProxy(chain.Node.RpcUrl);
        var client = ChainRpc.CreateClient(proxy.Url, Fast);

        var ex = await Assert.ThrowsAsync<RpcResponseException>(() => client.SendRequestAsync<string>("eth_noSuchMethod"));

        Assert.NotEqual(0, ex.RpcError.Code);
        Assert.Contains("eth_noSuchMethod", ex.RpcError.Message, StringComparison.Ordinal);
        Assert.Equal(1, proxy.Requests);
        Assert.False(ChainRpc.IsTransportFault(ex));
    }

    [Fact]
    public async Task Send_NodeGone_TransportFaultAfterTheRetries()
    {
        var client = ChainRpc.CreateClient(new Uri($"http://127.0.0.1:{FreePort.Next()}/"), Fast);

        var ex = await Assert.ThrowsAnyAsync<Exception>(() => client.SendRequestAsync<string>("eth_chainId"));

        Assert.True(ChainRpc.IsTransportFault(ex), ex.ToString());
    }

    [Fact]
    public async Task Send_NodeNeverAnswers_EachAttemptTimesOutThenTransportFault()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        var client = ChainRpc.CreateClient(new Uri($"http://127.0.0.1:{port}/"), Fast);
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var ex = await Assert.ThrowsAnyAsync<Exception>(() => client.SendRequestAsync<string>("eth_chainId"));

        Assert.True(ChainRpc.IsTransportFault(ex), ex.ToString());
        // Three attempts of 500 ms each, well inside Nethereum's own 20 s limit on the call.
        Assert.InRange(watch.Elapsed, TimeSpan.FromMilliseconds(1500), TimeSpan.FromSeconds(10));
    }
}
