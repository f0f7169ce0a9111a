using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using Nethereum.Web3;
using PowerVerse.Chain.Rpc;
using PowerVerse.Functions.Indexer;
using PowerVerse.Testing;

namespace PowerVerse.LocalHost.Tests;

/// <summary>The app's indexer in the real local host process, killed (SIGKILL) mid-way through a backlog and restarted.</summary>
public sealed class IndexerProcessTests : IAsyncLifetime
{
    // Enough two-block steps that the backlog takes seconds: the kill must land before the first process is done.
    private const int Bumps = 200;
    private HardhatNode? _node;
    private AzuriteServer? _storage;
    private string? _manifest;

    public async Task InitializeAsync()
    {
        _node = await HardhatNode.StartAsync();
        _storage = await AzuriteServer.StartAsync();
        var market = await TestMarket.DeployAsync(_node.RpcUrl);
        await market.BumpAsync(Bumps);

        _manifest = Path.Combine(Path.GetTempPath(), $"pv-manifest-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(_manifest, JsonSerializer.Serialize(new
        {
            chainId = 31337,
            deploymentBlock = (long)market.DeploymentBlock,
            contracts = new Dictionary<string, string> { ["EthereumTestMarket"] = market.Address },
        }));
    }

    public async Task DisposeAsync()
    {
        File.Delete(_manifest!);
        await _storage!.DisposeAsync();
        await _node!.DisposeAsync();
    }

    [Fact]
    public async Task Indexer_KilledMidwayAndRestarted_CatchesUpWithEveryLogOnce()
    {
        var progress = new TableClient(_storage!.ConnectionString, IndexerRegistration.ProgressTable);
        var journal = new TableClient(_storage.ConnectionString, IndexerRegistration.JournalTable);

        await using (var first = await StartAsync())
        {
            // Two blocks per request: the backlog takes many steps, so the kill lands mid-way.
            await EventuallyAsync(async () => await LastIndexedAsync(progress) is > 0);
            await first.KillAsync();
        }

        var before = await LastIndexedAsync(progress);
        await using var second = await StartAsync();
        var head = (long)(await new Web3(ChainRpc.CreateClient(_node!.RpcUrl)).Eth.Blocks.GetBlockNumber.SendRequestAsync()).Value;
        await EventuallyAsync(async () => await LastIndexedAsync(progress) >= head);

        Assert.True(before < head, $"the first process had indexed up to {before} of {head} when killed");
        var rows = new List<TableEntity>();
        await foreach (var row in journal.QueryAsync<TableEntity>())
        {
            rows.Add(row);
        }

        // Every Bumped log once: one per bump block, keyed by (block, log index).
        Assert.Equal(Bumps, rows.Count);
        Assert.Equal(Bumps, rows.Select(r => r.GetString("TransactionHash")).Distinct().Count());
    }

    private async Task<ChildProcess> StartAsync()
    {
        var process = ChildProcess.Start("dotnet", [RepoPaths.BuildOutput(Path.Combine("functions", "PowerVerse.LocalHost"), "PowerVerse.LocalHost.dll")], environment: new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = _storage!.ConnectionString,
            ["LocalHost__Urls"] = "http://127.0.0.1:0",
            ["LocalHost__LeaseInterval"] = "00:00:06",
            ["Chain__RpcUrl"] = _node!.RpcUrl.ToString(),
            ["Chain__Manifest"] = _manifest!,
            ["Indexer__Confirmations"] = "0",
            ["Indexer__BlocksPerRequest"] = "2",
        });
        await process.WaitForListeningAsync(TimeSpan.FromSeconds(60));
        return process;
    }

    private static async Task<long?> LastIndexedAsync(TableClient progress)
    {
        await progress.CreateIfNotExistsAsync();
        var row = await progress.GetEntityIfExistsAsync<TableEntity>("cursor", "last");
        return row.HasValue ? long.Parse(row.Value!.GetString("Block"), CultureInfo.InvariantCulture) : null;
    }

    private static async Task EventuallyAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("Not reached within 90 s.");
            }

            await Task.Delay(50);
        }
    }
}
