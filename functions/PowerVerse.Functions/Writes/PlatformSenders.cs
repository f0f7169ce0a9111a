using System.Collections.Concurrent;
using Nethereum.Web3;
using PowerVerse.Chain.Keys;
using PowerVerse.Chain.Transactions;

namespace PowerVerse.Functions.Writes;

/// <summary>
/// The platform's own transactions (DESIGN §3): one Table-journalled sender per platform key, which every instance of
/// the app shares through the journal, so a keyed request (<see cref="TransactionRequest.Key"/>) is sent once however
/// often and wherever an activity runs. A key is fetched when its role first sends.
/// </summary>
public sealed class PlatformSenders(IWeb3 web3, IPlatformKeys keys, TableNonceJournal journal, TransactionSenderOptions options, TimeProvider time) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ConcurrentDictionary<PlatformRole, TransactionSender> _senders = new();
    private bool _journalReady;

    public TableNonceJournal Journal { get; } = journal;

    public async Task<TransactionSender> SenderAsync(PlatformRole role, CancellationToken cancellationToken)
    {
        if (_senders.TryGetValue(role, out var sender))
        {
            return sender;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (!_journalReady)
            {
                await Journal.CreateIfNotExistsAsync(cancellationToken);
                _journalReady = true;
            }

            if (!_senders.TryGetValue(role, out sender))
            {
                sender = new TransactionSender(web3, await keys.GetKeyAsync(role, cancellationToken), Journal, options, time);
                _senders[role] = sender;
            }

            return sender;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose()
    {
        foreach (var sender in _senders.Values)
        {
            sender.Dispose();
        }

        _gate.Dispose();
    }
}
