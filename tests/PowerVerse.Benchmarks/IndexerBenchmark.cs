using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging.Abstractions;
using Nethereum.Contracts;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.Hex.HexTypes;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.Web3;
using Nethereum.Web3.Accounts;
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
    private const string Key = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80"; // Hardhat #0

    public string Name => "indexer";

    public async Task RunAsync(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        await using var node = await HardhatNode.StartAsync();
        await using var azurite = await AzuriteServer.StartAsync();
        var web3 = new Web3(new Account(Key, 31337), ChainRpc.CreateClient(node.RpcUrl));
        var market = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root, "tests", "PowerVerse.Chain.Tests", "TestData", "contracts.json")))
            .RootElement.GetProperty("EthereumTestMarket");
        var deployed = await web3.Eth.DeployContract.SendRequestAndWaitForReceiptAsync(
            market.GetProperty("abi").GetRawText(), market.GetProperty("bytecode").GetString()!.RemoveHexPrefix(), web3.TransactionManager.Account.Address,
            new HexBigInteger(3_000_000), null, "0x0000000000000000000000000000000000000001");
        var bump = web3.Eth.GetContractTransactionHandler<BumpFunction>();
        for (var i = 0; i < Events; i++)
        {
            await bump.SendRequestAsync(deployed.ContractAddress, new BumpFunction());
        }

        var registry = new EventRegistry([market.GetProperty("abi").GetRawText()]);
        var from = deployed.BlockNumber.Value;
        var head = (await web3.Eth.Blocks.GetBlockNumber.SendRequestAsync()).Value;

        var watch = Stopwatch.StartNew();
        var raw = 0;
        for (var start = from; start <= head; start += BlocksPerRequest)
        {
            var logs = await web3.Eth.Filters.GetLogs.SendRequestAsync(new NewFilterInput
            {
                Address = [deployed.ContractAddress],
                FromBlock = new BlockParameter(new HexBigInteger(start)),
                ToBlock = new BlockParameter(new HexBigInteger(System.Numerics.BigInteger.Min(start + BlocksPerRequest - 1, head))),
            });
            raw += logs.Count(l => registry.Decode(l) is not null);
        }

        var rawRate = raw / watch.Elapsed.TotalSeconds;

        var options = new IndexerOptions { Confirmations = 0, BlocksPerRequest = BlocksPerRequest };
        var manifest = new DeploymentManifest { ChainId = 31337, DeploymentBlock = (long)from, Contracts = new Dictionary<string, string> { ["EthereumTestMarket"] = deployed.ContractAddress } };
        var indexer = new ChainIndexer(web3, manifest, registry, new EventJournal(new TableClient(azurite.ConnectionString, "benchJournal")),
            new IndexerProgress(new TableClient(azurite.ConnectionString, "benchProgress"), web3, options), [], options, NullLogger<ChainIndexer>.Instance);
        watch.Restart();
        await indexer.RunOnceAsync(CancellationToken.None);
        var indexed = Events / watch.Elapsed.TotalSeconds;

        await output.WriteLineAsync(string.Format(CultureInfo.InvariantCulture,
            "{0} events in {1} blocks, {2} blocks per eth_getLogs, Hardhat + Azurite; same run\n{3,-46}{4,10:N0} events/s\n{5,-46}{6,10:N0} events/s\n{7,-46}{8,10:F2}x",
            Events, head - from + 1, BlocksPerRequest, "raw: eth_getLogs + decode", rawRate, "indexer: + journal, cursor, block hashes", indexed, "ratio", indexed / rawRate));
    }

    [Nethereum.ABI.FunctionEncoding.Attributes.Function("bump")]
    private sealed class BumpFunction : FunctionMessage;
}
