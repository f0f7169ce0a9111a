using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using PowerVerse.Chain.Events;
using PowerVerse.Functions.Indexer;

namespace PowerVerse.Indexer.Tests.SeedMarket;

/// <summary>
/// The projections are idempotent: indexing again, applying every event a second time, or resetting the read model and
/// replaying the journal (what the indexer does after a reorg) all leave exactly the rows the first run wrote.
/// </summary>
[Collection(SeedMarketGroup.Name)]
public sealed class ReplayTests(SeedMarketFixture f)
{
    [Fact]
    public async Task RunOnce_Again_ChangesNothing()
    {
        var indexer = f.Services.GetRequiredService<ChainIndexer>();
        var before = await ReadModelSnapshot.TakeAsync(f.StorageConnectionString);

        await indexer.RunOnceAsync(CancellationToken.None);
        Assert.Equal(before, await ReadModelSnapshot.TakeAsync(f.StorageConnectionString));

        // With its cursor forgotten the indexer reads and projects every log from the deployment block again.
        var progress = new TableClient(f.StorageConnectionString, IndexerRegistration.ProgressTable);
        await foreach (var row in progress.QueryAsync<TableEntity>())
        {
            await progress.DeleteEntityAsync(row.PartitionKey, row.RowKey);
        }

        await indexer.RunOnceAsync(CancellationToken.None);
        Assert.Equal(before, await ReadModelSnapshot.TakeAsync(f.StorageConnectionString));
    }

    [Fact]
    public async Task EveryEventAppliedTwice_SameRows()
    {
        var before = await ReadModelSnapshot.TakeAsync(f.StorageConnectionString);

        await ReplayJournalAsync();

        Assert.Equal(before, await ReadModelSnapshot.TakeAsync(f.StorageConnectionString));
    }

    [Fact]
    public async Task ResetThenReplay_SameRows()
    {
        var before = await ReadModelSnapshot.TakeAsync(f.StorageConnectionString);
        Assert.Contains(before, r => r.StartsWith("rmListings|", StringComparison.Ordinal));

        foreach (var projection in f.Services.GetServices<IEventProjection>())
        {
            await projection.ResetAsync(CancellationToken.None);
        }

        var cleared = await ReadModelSnapshot.TakeAsync(f.StorageConnectionString);
        Assert.All(cleared, r => Assert.StartsWith("rmDividends|", r));
        await ReplayJournalAsync();

        Assert.Equal(before, await ReadModelSnapshot.TakeAsync(f.StorageConnectionString));
    }

    /// <summary>Every journalled log, decoded and applied in chain order, as the indexer replays after a reorg.</summary>
    private async Task ReplayJournalAsync()
    {
        var events = f.Services.GetRequiredService<EventRegistry>();
        var projections = f.Services.GetServices<IEventProjection>().ToList();
        await foreach (var log in f.Services.GetRequiredService<EventJournal>().ReadAllAsync(CancellationToken.None))
        {
            if (events.Decode(log) is { } decoded)
            {
                foreach (var projection in projections)
                {
                    await projection.ApplyAsync(decoded, CancellationToken.None);
                }
            }
        }
    }
}
