using System.Globalization;
using Microsoft.DurableTask;
using PowerVerse.Domain.Dividends;
using PowerVerse.Functions.Indexer;
using PowerVerse.Functions.ReadModel;
using PowerVerse.Functions.ReadModel.Entities;

namespace PowerVerse.Functions.Orchestrations.Dividends;

/// <summary>
/// The read model as of the month's end: indexed up to a confirmed block past the month, then for every VID listed,
/// rented or proven in the month its owner (the provider account), HID and published rank score, whether it was listed
/// or rented and whether it was online; and every account with a violation — the owner of an HID slashed in the month
/// or of an HID whose challenge expired in it, and the owner of any VID on such an HID.
/// </summary>
[DurableTask(Name)]
internal sealed class DividendSnapshotActivity(
    ChainIndexer indexer, IndexerOptions indexing, DividendChain chain, DividendActivity activity, ReadModelTables tables, DividendOptions options)
    : TaskActivity<int, DividendSnapshot>
{
    public const string Name = "DividendSnapshot";

    public override async Task<DividendSnapshot> RunAsync(TaskActivityContext context, int input)
    {
        var month = DividendPeriod.From(input);
        var pool = options.Pool();
        var block = await ConfirmedPastAsync(month);
        using (var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5)))
        {
            await indexer.EnsureIndexedAsync(block, timeout.Token);
        }

        var (marks, open) = await activity.MonthAsync(month, CancellationToken.None);
        var listed = Vids(marks, DividendActivity.Listed, DividendActivity.Rented).Concat(open.Select(o => o.Vid)).ToHashSet(StringComparer.Ordinal);
        var online = Vids(marks, DividendActivity.Online).ToHashSet(StringComparer.Ordinal);
        var missed = Vids(marks, DividendActivity.Missed).ToHashSet(StringComparer.Ordinal);

        var resources = new Dictionary<string, ResourceEntity>(StringComparer.Ordinal);
        foreach (var vid in listed.Concat(online).Concat(missed).Distinct(StringComparer.Ordinal))
        {
            if (await Find<ResourceEntity>(tables.Resources, vid) is { } resource)
            {
                resources[vid] = resource;
            }
        }

        var badHids = marks.Where(m => m.Kind == DividendActivity.Slashed).Select(m => m.Hid)
            .Concat(missed.Where(resources.ContainsKey).Select(v => resources[v].Hid)).ToHashSet(StringComparer.Ordinal);
        var violating = resources.Values.Where(r => badHids.Contains(r.Hid)).Select(r => r.Owner).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var hid in badHids)
        {
            if (await Find<HardwareEntity>(tables.Hardware, hid) is { } hardware)
            {
                violating.Add(hardware.Owner);
            }
        }

        var counted = new List<SnapshotResource>();
        foreach (var (vid, resource) in resources.Where(r => listed.Contains(r.Key) || online.Contains(r.Key)).OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            var score = (await Find<RankEntity>(tables.Ranks, vid))?.Score ?? "0";
            counted.Add(new SnapshotResource(resource.Owner, vid, resource.Hid, score, listed.Contains(vid), online.Contains(vid)));
        }

        return new DividendSnapshot(
            month.Value, pool.ToString(CultureInfo.InvariantCulture), chain.Token, (long)block, counted, [.. violating.Order(StringComparer.OrdinalIgnoreCase)]);
    }

    /// <summary>A block past the month's end that the indexer may index (its confirmations included).</summary>
    private async Task<System.Numerics.BigInteger> ConfirmedPastAsync(DividendPeriod month)
    {
        var (head, time) = await chain.HeadAsync();
        if (time < month.End)
        {
            throw new WriteRejectedException($"Month {month} is not over on chain: its last block is at {time:yyyy-MM-ddTHH:mm:ssZ}.");
        }

        var confirmed = head - indexing.Confirmations;
        return confirmed >= 0 && await chain.BlockTimeAsync(confirmed) >= month.End
            ? confirmed
            : throw new InvalidOperationException($"Month {month} ended less than {indexing.Confirmations} confirmations ago; the snapshot waits for them.");
    }

    private static IEnumerable<string> Vids(IEnumerable<DividendActivityEntity> marks, params string[] kinds) =>
        marks.Where(m => kinds.Contains(m.Kind)).Select(m => m.Vid);

    private static Task<T?> Find<T>(Azure.Data.Tables.TableClient table, string id)
        where T : class, Azure.Data.Tables.ITableEntity =>
        ReadModelTables.FindAsync<T>(table, id, string.Empty, CancellationToken.None);
}
