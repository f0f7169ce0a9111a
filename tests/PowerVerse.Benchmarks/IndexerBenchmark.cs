using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging.Abstractions;
using Nethereum.Hex.HexTypes;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.Web3;
using PowerVerse.Chain.Deployment;
using PowerVerse.Chain.Events;
using PowerVerse.Chain.Rpc;
using PowerVerse.Functions.Indexer;
using PowerVerse.Testing;

namespace PowerVerse.Benchmarks;

/// <summary>
/// Events the indexer takes in per second (eth_getLogs through Nethereum's log processor, decoded, journalled in
/// Azurite, cursor kept) against the raw floor measured in the same run on the same node: eth_getLogs over the same
/// range in the same block steps, decoded, nothing stored.
/// </summary>
internal sealed class IndexerBenchmark : IBenchmark
{
    private const int Events = 400;
    private const int BlocksPerRequest = 100;

    public string Name => "indexer";

    public async Task RunAsync(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        await using var node = await HardhatNode.StartAsync();
        await using var azurite = await AzuriteServer.StartAsync();
        var web3 = new Web3(ChainRpc.CreateClient(node.RpcUrl));
        var market = await TestMarket.DeployAsync(node.RpcUrl);
        await market.BumpAsync(Events);

        var registry = new EventRegistry([TestMarket.Abi]);
        var from = market.DeploymentBlock;
        var head = (await web3.Eth.Blocks.GetBlockNumber.SendRequestAsync()).Value;

        var watch = Stopwatch.StartNew();
        var raw = 0;
        for (var start = from; start <= head; start += BlocksPerRequest)
        {
            var logs = await web3.Eth.Filters.GetLogs.SendRequestAsync(new NewFilterInput
            {
                Address = [market.Address],
                FromBlock = new BlockParameter(new HexBigInteger(start)),
                ToBlock = new BlockParameter(new HexBigInteger(System.Numerics.BigInteger.Min(start + BlocksPerRequest - 1, head))),
            });
            raw += logs.Count(l => registry.Decode(l) is not null);
        }

        var rawRate = raw / watch.Elapsed.TotalSeconds;

        var options = new IndexerOptions { Confirmations = 0, BlocksPerRequest = BlocksPerRequest };
        var manifest = new DeploymentManifest { ChainId = 31337, DeploymentBlock = (long)from, Contracts = new Dictionary<string, string> { ["EthereumTestMarket"] = market.Address } };
        var indexer = new ChainIndexer(web3, manifest, registry, new EventJournal(new TableClient(azurite.ConnectionString, "benchJournal")),
            new IndexerProgress(new TableClient(azurite.ConnectionString, "benchProgress"), web3, options), [], options, NullLogger<ChainIndexer>.Instance);
        watch.Restart();
        await indexer.RunOnceAsync(CancellationToken.None);
        var indexed = Events / watch.Elapsed.TotalSeconds;

        await output.WriteLineAsync(string.Format(CultureInfo.InvariantCulture,
            "{0} events in {1} blocks, {2} blocks per eth_getLogs, Hardhat + Azurite; same run\n{3,-46}{4,10:N0} events/s\n{5,-46}{6,10:N0} events/s\n{7,-46}{8,10:F2}x",
            Events, head - from + 1, BlocksPerRequest, "raw: eth_getLogs + decode", rawRate, "indexer: + journal, cursor, block hashes", indexed, "ratio", indexed / rawRate));
    }
}
