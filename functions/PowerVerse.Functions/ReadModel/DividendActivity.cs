using System.Numerics;
using Azure;
using Azure.Data.Tables;
using PowerVerse.Domain.Dividends;
using PowerVerse.Functions.ReadModel.Entities;

namespace PowerVerse.Functions.ReadModel;

/// <summary>
/// The read model's record of what each month's dividend counts (<see cref="DividendActivityEntity"/>): marks written
/// as the indexer meets the events, read back for one month by the dividend snapshot. Every write is an upsert or a
/// delete, so an event applied twice leaves the same rows.
/// </summary>
internal sealed class DividendActivity(TableServiceClient service)
{
    public const string TableName = "rmDividendActivity";
    public const string Listed = "listed";
    public const string Rented = "rented";
    public const string Online = "online";
    public const string Missed = "missed";
    public const string Slashed = "slashed";

    private readonly TableClient _table = service.GetTableClient(TableName);
    private Task? _created;

    /// <summary>Marks <paramref name="id"/> (a VID, or for <see cref="Slashed"/> an HID) with <paramref name="kind"/> in each month.</summary>
    public async Task MarkAsync(string kind, BigInteger id, IEnumerable<DividendPeriod> months, ChainEvent source, CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(cancellationToken);
        foreach (var month in months)
        {
            var entity = new DividendActivityEntity
            {
                PartitionKey = month.ToString(), RowKey = $"{kind}-{Keys.Id(id)}", Kind = kind,
                Vid = kind == Slashed ? string.Empty : Keys.Id(id), Hid = kind == Slashed ? Keys.Id(id) : string.Empty,
            };
            entity.Stamp(source);
            await _table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
        }
    }

    public async Task OpenListingAsync(BigInteger uid, BigInteger vid, DateTimeOffset since, ChainEvent source, CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(cancellationToken);
        var entity = new DividendActivityEntity
        {
            PartitionKey = DividendActivityEntity.OpenPartition, RowKey = Keys.Id(uid), Kind = DividendActivityEntity.OpenPartition,
            Vid = Keys.Id(vid), Since = since,
        };
        entity.Stamp(source);
        await _table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>The UID's open listing, or null.</summary>
    public async Task<DividendActivityEntity?> OpenListingAsync(BigInteger uid, CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(cancellationToken);
        return await ReadModelTables.FindAsync<DividendActivityEntity>(_table, DividendActivityEntity.OpenPartition, Keys.Id(uid), cancellationToken);
    }

    public async Task CloseListingAsync(BigInteger uid, CancellationToken cancellationToken)
    {
        try
        {
            await _table.DeleteEntityAsync(DividendActivityEntity.OpenPartition, Keys.Id(uid), ETag.All, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Already closed.
        }
    }

    /// <summary>The month's marks, and the listings open since before its end.</summary>
    public async Task<(IReadOnlyList<DividendActivityEntity> Marks, IReadOnlyList<DividendActivityEntity> OpenListings)> MonthAsync(
        DividendPeriod month, CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(cancellationToken);
        var marks = await QueryAsync(TableClient.CreateQueryFilter($"PartitionKey eq {month.ToString()}"), cancellationToken);
        var open = await QueryAsync(TableClient.CreateQueryFilter($"PartitionKey eq {DividendActivityEntity.OpenPartition} and Since lt {month.End}"), cancellationToken);
        return (marks, open);
    }

    /// <summary>Forgets every mark (before the indexer replays its journal after a reorg).</summary>
    public async Task ClearAsync(CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(cancellationToken);
        foreach (var row in await QueryAsync(null, cancellationToken))
        {
            await _table.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, cancellationToken);
        }
    }

    private async Task<List<DividendActivityEntity>> QueryAsync(string? filter, CancellationToken cancellationToken)
    {
        var rows = new List<DividendActivityEntity>();
        await foreach (var row in _table.QueryAsync<DividendActivityEntity>(filter, cancellationToken: cancellationToken))
        {
            rows.Add(row);
        }

        return rows;
    }

    private Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        var created = _created ??= _table.CreateIfNotExistsAsync(cancellationToken);
        if (created.IsFaulted || created.IsCanceled)
        {
            _created = null;
        }

        return created;
    }
}
