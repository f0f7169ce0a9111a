using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;

namespace PowerVerse.Chain.Transactions;

/// <summary>
/// The nonces a platform account has used, in one Table Storage partition per account, shared by every process
/// that sends from that key. A row <c>head</c> holds the next nonce; a row per nonce holds its signed transaction.
/// A nonce is taken and its transaction written in one entity-group transaction conditional on the head's ETag,
/// before anything is sent, so a sender that dies at any point is resumed by another without a gap (every taken
/// nonce has a transaction) or a duplicate (two senders racing for a nonce: one commit wins, the other retries).
/// An entry with an idempotency key (<see cref="JournalEntry.Key"/>) also adds a row <c>key-&lt;key&gt;</c> holding its
/// nonce in that same transaction, so of any number of senders appending the same key exactly one takes a nonce.
/// </summary>
public sealed class TableNonceJournal(TableClient table)
{
    private const string HeadRow = "head";
    private const string EntryPrefix = "nonce-";
    private const string KeyPrefix = "key-";

    private readonly TableClient _table = table ?? throw new ArgumentNullException(nameof(table));

    public Task CreateIfNotExistsAsync(CancellationToken cancellationToken = default) => _table.CreateIfNotExistsAsync(cancellationToken);

    /// <summary>
    /// Takes the next nonce — the larger of the head and <paramref name="chainNonce"/> — lets
    /// <paramref name="signAtNonce"/> build its entry, and stores both atomically; retries when another sender won.
    /// Returns the callback's entry once it is stored; but when the entry has a <see cref="JournalEntry.Key"/> that
    /// another entry already holds, the callback's entry is dropped (no nonce taken) and that other entry is returned.
    /// </summary>
    public async Task<JournalEntry> AppendAsync(string account, long chainNonce, Func<long, JournalEntry> signAtNonce, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(signAtNonce);
        var partition = Partition(account);
        while (true)
        {
            var head = await _table.GetEntityIfExistsAsync<TableEntity>(partition, HeadRow, cancellationToken: cancellationToken);
            var nonce = Math.Max(head.HasValue ? head.Value!.GetInt64("NextNonce") ?? 0 : 0, chainNonce);
            var entry = signAtNonce(nonce);
            var nextHead = new TableEntity(partition, HeadRow) { ["NextNonce"] = nonce + 1 };
            List<TableTransactionAction> actions =
            [
                head.HasValue
                    ? new(TableTransactionActionType.UpdateReplace, nextHead, head.Value!.ETag)
                    : new(TableTransactionActionType.Add, nextHead),
                new(TableTransactionActionType.Add, ToEntity(entry)),
            ];
            if (entry.Key is { } key)
            {
                actions.Add(new(TableTransactionActionType.Add, new TableEntity(partition, KeyRow(key)) { ["Nonce"] = nonce }));
            }

            try
            {
                await _table.SubmitTransactionAsync(actions, cancellationToken);
                return entry;
            }
            catch (TableTransactionFailedException ex) when (ex.Status is 409 or 412)
            {
                // Another sender took this nonce first, or this key: a keyed entry that won is the answer; else read the head again.
                if (entry.Key is not null && await FindOrReleaseKeyAsync(partition, entry.Key, cancellationToken) is { } keyed)
                {
                    return keyed;
                }
            }
        }
    }

    /// <summary>
    /// The entry journalled for an idempotency key (<see cref="TransactionRequest.Key"/>) of <paramref name="account"/>,
    /// as it stands now (fee-bumped replacements included); null when none holds the key — also when the keyed
    /// transaction was refused and its nonce filled, so the key may be sent again.
    /// </summary>
    /// <exception cref="ArgumentException">The key is not a well-formed idempotency key.</exception>
    public async Task<JournalEntry?> FindByKeyAsync(string account, string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        IdempotencyKey.Validate(key, nameof(key));
        var (entry, _) = await ReadKeyAsync(Partition(account), key, cancellationToken);
        return entry;
    }

    /// <summary>Writes the entry over the stored one of the same nonce (merged, see <see cref="JournalEntry.MergedOver"/>) and returns what was stored.</summary>
    public async Task<JournalEntry> UpdateAsync(JournalEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        while (true)
        {
            var stored = await _table.GetEntityIfExistsAsync<TableEntity>(Partition(entry.Account), EntryRow(entry.Nonce), cancellationToken: cancellationToken);
            try
            {
                if (!stored.HasValue)
                {
                    await _table.AddEntityAsync(ToEntity(entry), cancellationToken);
                    return entry;
                }

                var merged = entry.MergedOver(FromEntity(stored.Value!));
                await _table.UpdateEntityAsync(ToEntity(merged), stored.Value!.ETag, TableUpdateMode.Replace, cancellationToken);
                return merged;
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412)
            {
                // Written meanwhile by another sender: merge over that.
            }
        }
    }

    /// <summary>Entries still Recorded or Sent, by nonce.</summary>
    public async Task<IReadOnlyList<JournalEntry>> GetUnconfirmedAsync(string account, CancellationToken cancellationToken = default)
    {
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {Partition(account)} and RowKey gt {EntryPrefix} and RowKey lt {"nonce."} and (State eq {nameof(JournalState.Recorded)} or State eq {nameof(JournalState.Sent)})");
        var entries = new List<JournalEntry>();
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            entries.Add(FromEntity(row));
        }

        return entries.OrderBy(e => e.Nonce).ToList();
    }

    /// <summary>The entry holding the key; a key row left by a refused (filled) transaction is deleted so the key can be taken again.</summary>
    private async Task<JournalEntry?> FindOrReleaseKeyAsync(string partition, string key, CancellationToken cancellationToken)
    {
        var (entry, staleRow) = await ReadKeyAsync(partition, key, cancellationToken);
        if (staleRow is not null)
        {
            try
            {
                await _table.DeleteEntityAsync(partition, staleRow.RowKey, staleRow.ETag, cancellationToken);
            }
            catch (RequestFailedException ex) when (ex.Status is 404 or 412)
            {
                // Another sender released it first.
            }
        }

        return entry;
    }

    /// <summary>The key's entry, or the key row when its nonce now holds another transaction (the filler of a refused one).</summary>
    private async Task<(JournalEntry? Entry, TableEntity? StaleRow)> ReadKeyAsync(string partition, string key, CancellationToken cancellationToken)
    {
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(partition, KeyRow(key), cancellationToken: cancellationToken);
        if (!row.HasValue)
        {
            return (null, null);
        }

        var nonce = row.Value!.GetInt64("Nonce") ?? throw new InvalidDataException($"Journal row {row.Value.RowKey} has no nonce.");
        var stored = await _table.GetEntityIfExistsAsync<TableEntity>(partition, EntryRow(nonce), cancellationToken: cancellationToken);
        var entry = stored.HasValue ? FromEntity(stored.Value!) : null;
        return entry?.Key == key ? (entry, null) : (null, row.Value);
    }

    private static string Partition(string account) => account.ToLowerInvariant();

    // Zero-padded so the rows sort by nonce.
    private static string EntryRow(long nonce) => EntryPrefix + nonce.ToString("D20", CultureInfo.InvariantCulture);

    private static string KeyRow(string key) => KeyPrefix + key;

    private static TableEntity ToEntity(JournalEntry entry)
    {
        var row = new TableEntity(Partition(entry.Account), EntryRow(entry.Nonce))
        {
            ["Account"] = entry.Account,
            ["Nonce"] = entry.Nonce,
            ["Raw"] = entry.RawTransaction,
            ["Hash"] = entry.TransactionHash,
            ["State"] = entry.State.ToString(),
            ["UpdatedAt"] = entry.UpdatedAt,
            ["Replaced"] = JsonSerializer.Serialize(entry.ReplacedHashes),
        };
        if (entry.Key is { } key)
        {
            // Rows are written whole (replace): a filler written over a keyed entry clears its key, releasing it.
            row["Key"] = key;
        }

        return row;
    }

    private static JournalEntry FromEntity(TableEntity row) => new(
        row.GetString("Account"),
        row.GetInt64("Nonce") ?? throw new InvalidDataException($"Journal row {row.RowKey} has no nonce."),
        row.GetString("Raw"),
        row.GetString("Hash"),
        Enum.Parse<JournalState>(row.GetString("State")),
        row.GetDateTimeOffset("UpdatedAt") ?? DateTimeOffset.MinValue,
        JsonSerializer.Deserialize<string[]>(row.GetString("Replaced")) ?? [])
    {
        Key = row.GetString("Key"),
    };
}
