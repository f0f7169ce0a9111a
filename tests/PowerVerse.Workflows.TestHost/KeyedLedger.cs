using Azure;
using PowerVerse.Storage.Tables;

namespace PowerVerse.Workflows.TestHost;

/// <summary>
/// A step effect that is applied once however often the step runs: an entry keyed by the step's
/// idempotency key and the balance it changes are written in one entity-group transaction, so a repeat
/// fails on the entry's key and changes nothing.
/// </summary>
public sealed class KeyedLedger(TableClient table)
{
    public const string BalanceRow = "balance";

    public async Task ApplyAsync(string account, string key, long amount, CancellationToken cancellationToken)
    {
        while (true)
        {
            var existing = await table.GetEntityIfExistsAsync<TableEntity>(account, BalanceRow, cancellationToken: cancellationToken);
            var balance = existing.HasValue ? existing.Value! : new TableEntity(account, BalanceRow) { ["Amount"] = 0L };
            var updated = new TableEntity(account, BalanceRow) { ["Amount"] = (balance.GetInt64("Amount") ?? 0) + amount };
            var entry = new TableEntity(account, "entry|" + key) { ["Amount"] = amount };
            var balanceAction = existing.HasValue
                ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, updated, balance.ETag)
                : new TableTransactionAction(TableTransactionActionType.Add, updated);
            try
            {
                await table.SubmitTransactionAsync([new TableTransactionAction(TableTransactionActionType.Add, entry), balanceAction], cancellationToken);
                return;
            }
            catch (TableTransactionFailedException ex) when (ex.Status == 409 && ex.FailedTransactionActionIndex == 0)
            {
                return; // Applied before: this is a repeat of the same step visit.
            }
            catch (TableTransactionFailedException ex) when (ex.Status is 409 or 412)
            {
                // The balance moved under us (another account's step is not in this partition, so only a racing
                // repeat of ours can do this): read again.
            }
        }
    }

    public async Task<(long Balance, int Entries)> ReadAsync(string account, CancellationToken cancellationToken)
    {
        long balance = 0;
        var entries = 0;
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {account}"), cancellationToken: cancellationToken))
        {
            if (row.RowKey == BalanceRow)
            {
                balance = row.GetInt64("Amount") ?? 0;
            }
            else
            {
                entries++;
            }
        }

        return (balance, entries);
    }
}
