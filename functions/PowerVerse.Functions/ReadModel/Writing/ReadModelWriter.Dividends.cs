using System.Numerics;
using System.Text.Json;
using Azure.Data.Tables;
using PowerVerse.Functions.ReadModel.Entities;

namespace PowerVerse.Functions.ReadModel.Writing;

/// <summary>Monthly dividends: epochs (DividendDistributor events) and each account's leaf and proof (the dividend orchestration).</summary>
internal sealed partial class ReadModelWriter
{
    public Task UpsertDividendEpochAsync(DividendEpochRecord record, ChainEvent source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        return UpsertAsync(tables.DividendEpochs, new DividendEpochEntity
        {
            PartitionKey = DividendEpochEntity.Partition, RowKey = Keys.Sortable(record.Epoch), Epoch = Keys.Id(record.Epoch),
            Period = record.Period, Root = record.Root.ToLowerInvariant(), Token = Addresses.Normalize(record.Token),
            Total = Keys.Id(record.Total), Funded = record.Funded, ClaimDeadline = record.ClaimDeadline, Reclaimed = record.Reclaimed,
        }, source, cancellationToken);
    }

    public Task RemoveDividendEpochAsync(BigInteger epoch, CancellationToken cancellationToken) =>
        DeleteAsync(tables.DividendEpochs, DividendEpochEntity.Partition, Keys.Sortable(epoch), cancellationToken);

    /// <summary>
    /// Writes the leaves of an epoch's tree (all of one epoch, or one account again after <c>DividendClaimed</c>),
    /// in entity-group transactions of 100 rows: one partition per epoch.
    /// </summary>
    public async Task UpsertDividendsAsync(IReadOnlyList<DividendRecord> records, ChainEvent source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        foreach (var epoch in records.GroupBy(r => r.Epoch))
        {
            foreach (var chunk in epoch.Chunk(100))
            {
                var actions = chunk.Select(r =>
                {
                    var entity = new DividendEntity
                    {
                        PartitionKey = Keys.Id(r.Epoch), RowKey = Keys.Account(r.Account), Epoch = Keys.Id(r.Epoch),
                        Account = Addresses.Normalize(r.Account), Amount = Keys.Id(r.Amount), Proof = JsonSerializer.Serialize(r.Proof),
                        Claimed = r.Claimed,
                    };
                    entity.Stamp(source);
                    return new TableTransactionAction(TableTransactionActionType.UpsertReplace, entity);
                });
                await tables.Dividends.SubmitTransactionAsync(actions, cancellationToken);
            }
        }
    }

    public Task RemoveDividendAsync(BigInteger epoch, string account, CancellationToken cancellationToken) =>
        DeleteAsync(tables.Dividends, Keys.Id(epoch), Keys.Account(account), cancellationToken);
}
