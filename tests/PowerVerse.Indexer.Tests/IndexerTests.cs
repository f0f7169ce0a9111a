using System.Numerics;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging.Abstractions;
using Nethereum.Web3;
using PowerVerse.Chain.Deployment;
using PowerVerse.Chain.Events;
using PowerVerse.Chain.Rpc;
using PowerVerse.Functions.Indexer;
using PowerVerse.Testing;

namespace PowerVerse.Indexer.Tests;

/// <summary>The indexer on a private Hardhat node and Azurite: every log once, crashes, reorgs.</summary>
public sealed class IndexerTests : IAsyncLifetime
{
    private HardhatNode? _node;
    private AzuriteServer? _storage;
    private TestMarket? _market;
    private Web3? _web3;
    private DeploymentManifest? _manifest;
    private readonly string _tables = "ix" + Guid.NewGuid().ToString("N")[..10];

    public async Task InitializeAsync()
    {
        _node = await HardhatNode.StartAsync();
        _storage = await AzuriteServer.Shared;
        _market = await TestMarket.DeployAsync(_node.RpcUrl);
        _web3 = new Web3(ChainRpc.CreateClient(_node.RpcUrl));
        _manifest = new DeploymentManifest
        {
            ChainId = 31337,
            DeploymentBlock = (long)_market.DeploymentBlock,
            Contracts = new Dictionary<string, string> { ["EthereumTestMarket"] = _market.Address },
        };
    }

    public async Task DisposeAsync() => await _node!.DisposeAsync();

    [Fact]
    public async Task RunOnce_EveryLogOnce_AndAgainNothingNew()
    {
        var projection = new RecordingProjection();
        await BumpAsync(5);

        await Indexer(projection).RunOnceAsync(CancellationToken.None);
        await Indexer(projection).RunOnceAsync(CancellationToken.None);

        Assert.Equal(5, projection.Applied);
        Assert.Equal([1, 2, 3, 4, 5], projection.Events.Select(e => (int)e.Number("count")));
        Assert.All(projection.Events, e => Assert.Equal("Bumped", e.Name));
        Assert.Equal(5, await JournalCountAsync());
    }

    [Fact]
    public async Task RunOnce_CrashMidway_NextRunCatchesUpWithoutDuplicates()
    {
        var projection = new RecordingProjection { CrashAfter = 3 };
        await BumpAsync(6);

        await Assert.ThrowsAnyAsync<Exception>(() => Indexer(projection).RunOnceAsync(CancellationToken.None));
        await Indexer(projection).RunOnceAsync(CancellationToken.None);

        Assert.Equal([1, 2, 3, 4, 5, 6], projection.Events.Select(e => (int)e.Number("count")));
        Assert.Equal(6, await JournalCountAsync());
    }

    [Fact]
    public async Task RunOnce_AfterReorg_RetractsTheRewoundBlocksAndRebuilds()
    {
        var projection = new RecordingProjection();
        await BumpAsync(2);
        var snapshot = await _web3!.Client.SendRequestAsync<string>("evm_snapshot");
        await BumpAsync(3);
        await Indexer(projection).RunOnceAsync(CancellationToken.None);
        Assert.Equal(5, projection.Events.Count);

        // The last three blocks are replaced by a fork of four blocks with other transactions.
        Assert.True(await _web3.Client.SendRequestAsync<bool>("evm_revert", null, snapshot));
        await _market!.ForgetNoncesAsync();
        await _web3.Client.SendRequestAsync<string>("evm_mine");
        await BumpAsync(3);
        await Indexer(projection).RunOnceAsync(CancellationToken.None);

        Assert.Equal(1, projection.Resets);
        Assert.Equal([1, 2, 3, 4, 5], projection.Events.Select(e => (int)e.Number("count")));
        // No orphaned row: every journalled log's block is the chain's block at that height now.
        await foreach (var row in Journal().QueryAsync<TableEntity>())
        {
            var block = await _web3.Eth.Blocks.GetBlockWithTransactionsHashesByNumber.SendRequestAsync(new Nethereum.Hex.HexTypes.HexBigInteger(BigInteger.Parse(row.PartitionKey, System.Globalization.CultureInfo.InvariantCulture)));
            Assert.Equal(block.BlockHash, row.GetString("BlockHash"));
        }

        Assert.Equal(5, await JournalCountAsync());
    }

    private ChainIndexer Indexer(RecordingProjection projection)
    {
        var options = new IndexerOptions { Confirmations = 0 };
        var registry = new EventRegistry([TestMarket.Abi]);
        return new ChainIndexer(_web3!, _manifest!, registry, new EventJournal(Journal()), new IndexerProgress(new TableClient(_storage!.ConnectionString, _tables + "progress"), _web3!, options),
            [projection], options, NullLogger<ChainIndexer>.Instance);
    }

    private TableClient Journal() => new(_storage!.ConnectionString, _tables + "journal");

    private async Task<int> JournalCountAsync()
    {
        var count = 0;
        await foreach (var _ in Journal().QueryAsync<TableEntity>())
        {
            count++;
        }

        return count;
    }

    private Task BumpAsync(int times) => _market!.BumpAsync(times);
}
