using System.Text.Json;
using PowerVerse.Ethereum.Crypto;

namespace PowerVerse.Ethereum.Transactions;

/// <summary>
/// <see cref="INonceJournal"/> in a folder: one JSON-lines file per account, appended and flushed to disk
/// before returning. A lock file held exclusively (FileShare.None) serialises processes; a semaphore
/// serialises callers in this process. The latest line per nonce wins.
/// </summary>
public sealed class FileNonceJournal : INonceJournal, IDisposable
{
    private static readonly JsonSerializerOptions Json = new() { Converters = { new AddressJsonConverter() } };

    private readonly string _directory;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly long _compactAboveBytes;

    public FileNonceJournal(string directory)
        : this(directory, 1_000_000)
    {
    }

    /// <param name="directory">The folder of the account files.</param>
    /// <param name="compactAboveBytes">File size that triggers a rewrite without confirmed entries (1 MB: about 3,000 lines).</param>
    internal FileNonceJournal(string directory, long compactAboveBytes)
    {
        _directory = directory ?? throw new ArgumentNullException(nameof(directory));
        _compactAboveBytes = compactAboveBytes;
        Directory.CreateDirectory(directory);
    }

    public async Task<JournalEntry> AppendAsync(Address account, long chainNonce, Func<long, JournalEntry> signAtNonce, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(signAtNonce);
        return await LockedAsync(account, () =>
        {
            var entries = Read(account);
            var next = Math.Max(chainNonce, entries.Count == 0 ? 0 : entries.Keys.Max() + 1);
            var entry = signAtNonce(next);
            if (entry.Nonce != next || entry.Account != account)
            {
                throw new InvalidOperationException($"The entry must be for {account} at nonce {next}.");
            }

            Write(account, entry);
            entries[entry.Nonce] = entry;
            CompactIfLarge(account, entries);
            return entry;
        }, cancellationToken);
    }

    public Task UpdateAsync(JournalEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return LockedAsync(entry.Account, () =>
        {
            Write(entry.Account, entry);
            return true;
        }, cancellationToken);
    }

    public Task<IReadOnlyList<JournalEntry>> GetUnconfirmedAsync(Address account, CancellationToken cancellationToken = default) =>
        LockedAsync(account, () => (IReadOnlyList<JournalEntry>)Read(account).Values
            .Where(e => e.State is JournalState.Recorded or JournalState.Sent)
            .OrderBy(e => e.Nonce)
            .ToArray(), cancellationToken);

    public void Dispose() => _gate.Dispose();

    private string FileOf(Address account) => Path.Combine(_directory, account.ToLowerHex() + ".jsonl");

    private SortedDictionary<long, JournalEntry> Read(Address account)
    {
        var entries = new SortedDictionary<long, JournalEntry>();
        var file = FileOf(account);
        if (!File.Exists(file))
        {
            return entries;
        }

        foreach (var line in File.ReadLines(file))
        {
            // A line cut short by a crash mid-write is ignored: its entry was never acknowledged to a caller.
            if (line.Length == 0 || line[^1] != '}')
            {
                continue;
            }

            var entry = JsonSerializer.Deserialize<JournalEntry>(line, Json)!;
            entries[entry.Nonce] = entry;
        }

        return entries;
    }

    /// <summary>
    /// Rewrites the file with only what is still needed — unconfirmed entries and the highest nonce — once it
    /// holds many lines. Write-then-rename keeps the old file intact if the process dies halfway.
    /// </summary>
    private void CompactIfLarge(Address account, SortedDictionary<long, JournalEntry> entries)
    {
        var file = FileOf(account);
        if (new FileInfo(file).Length < _compactAboveBytes)
        {
            return;
        }

        var keep = entries.Values.Where(e => e.State is JournalState.Recorded or JournalState.Sent).Append(entries.Values.Last()).Distinct();
        var temporary = file + ".compact";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            foreach (var entry in keep)
            {
                stream.Write(System.Text.Encoding.UTF8.GetBytes(JsonSerializer.Serialize(entry, Json) + "\n"));
            }

            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, file, overwrite: true);
    }

    private void Write(Address account, JournalEntry entry)
    {
        var line = JsonSerializer.Serialize(entry, Json) + "\n";
        using var stream = new FileStream(FileOf(account), FileMode.Append, FileAccess.Write, FileShare.Read);
        stream.Write(System.Text.Encoding.UTF8.GetBytes(line));
        stream.Flush(flushToDisk: true);
    }

    private async Task<T> LockedAsync<T>(Address account, Func<T> action, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            using var processLock = await AcquireFileLockAsync(account, cancellationToken);
            return action();
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<FileStream> AcquireFileLockAsync(Address account, CancellationToken cancellationToken)
    {
        var path = FileOf(account) + ".lock";
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException)
            {
                // Another process holds it; the OS releases it when that process exits, even when killed.
                await Task.Delay(5, cancellationToken);
            }
        }
    }
}
