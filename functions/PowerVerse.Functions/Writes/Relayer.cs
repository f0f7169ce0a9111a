using Nethereum.Web3;
using PowerVerse.Chain.Keys;
using PowerVerse.Chain.Transactions;

namespace PowerVerse.Functions.Writes;

/// <summary>
/// The platform relayer (DESIGN §3): sends users' signed requests through the forwarder from the relayer key, which
/// every instance of the app shares through the Table-journalled sender. The key is fetched once, when first needed.
/// </summary>
public sealed class Relayer(IWeb3 web3, IPlatformKeys keys, TableNonceJournal journal, TransactionSenderOptions options, TimeProvider time) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private TransactionSender? _sender;

    public TableNonceJournal Journal { get; } = journal;

    public async Task<TransactionSender> SenderAsync(CancellationToken cancellationToken)
    {
        if (_sender is { } sender)
        {
            return sender;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_sender is null)
            {
                await Journal.CreateIfNotExistsAsync(cancellationToken);
                _sender = new TransactionSender(web3, await keys.GetKeyAsync(PlatformRole.Relayer, cancellationToken), Journal, options, time);
            }

            return _sender;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose()
    {
        _sender?.Dispose();
        _gate.Dispose();
    }
}
