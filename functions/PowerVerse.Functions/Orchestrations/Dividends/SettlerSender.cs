using System.Globalization;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.Web3;
using PowerVerse.Chain.Errors;
using PowerVerse.Chain.Keys;
using PowerVerse.Chain.Transactions;
using PowerVerse.Functions.Writes;

namespace PowerVerse.Functions.Orchestrations.Dividends;

/// <summary>
/// The platform settler's transactions (DESIGN §3): its key from the platform keys, nonces from the shared Table
/// journal (its own partition, beside the relayer's), so every instance of the app sends through one journal and a
/// keyed request is sent once however often an activity runs.
/// </summary>
public sealed class SettlerSender(IWeb3 web3, IPlatformKeys keys, Relayer relayer, TransactionSenderOptions options, TimeProvider time) : IDisposable
{
    // TransactionRequest.Key's limit.
    private const int MaxKeyLength = 200;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private TransactionSender? _sender;

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
                await relayer.Journal.CreateIfNotExistsAsync(cancellationToken);
                _sender = new TransactionSender(web3, await keys.GetKeyAsync(PlatformRole.Settler, cancellationToken), relayer.Journal, options, time);
            }

            return _sender;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Brings the chain to a state <paramref name="done"/> accepts by sending <paramref name="data"/> to
    /// <paramref name="to"/> at most once per attempt: nothing is sent while the chain already says done; the first
    /// attempt is keyed <paramref name="key"/>; only when a journalled attempt was mined and the chain still does not
    /// say done (it reverted, or a later run has other values) is the next attempt sent, keyed after the one before it.
    /// Run any number of times, concurrently or after a crash, it follows the same journalled attempts.
    /// </summary>
    /// <returns>The block of the attempt that made it done, or null when nothing had to be sent.</returns>
    /// <exception cref="WriteRejectedException">The chain refused the transaction, or mined it and still does not say done.</exception>
    public async Task<long?> SendUntilAsync(string key, string to, byte[] data, Func<Task<bool>> done, TimeSpan confirmTimeout)
    {
        ArgumentNullException.ThrowIfNull(done);
        var sender = await SenderAsync(CancellationToken.None);
        if (await done())
        {
            return null;
        }

        while (await relayer.Journal.FindByKeyAsync(sender.Address, key) is { } earlier)
        {
            var receipt = await ConfirmAsync(sender, earlier, confirmTimeout);
            if (await done())
            {
                return (long)receipt.BlockNumber.Value;
            }

            key = string.Create(CultureInfo.InvariantCulture, $"{key}-{earlier.Nonce}");
            if (key.Length > MaxKeyLength)
            {
                throw new WriteRejectedException($"The settler's transaction to {to} was tried too often without effect (last {receipt.TransactionHash}).");
            }
        }

        JournalEntry entry;
        try
        {
            entry = await sender.SendAsync(new TransactionRequest { To = to, Data = data, Key = key });
        }
        catch (ContractRevertedException ex)
        {
            throw new WriteRejectedException($"The settler's call to {to} reverts: {ex.Error?.ToString() ?? ex.Message}.", ex);
        }
        catch (TransactionRejectedException ex)
        {
            throw new WriteRejectedException($"The node refused the settler's transaction: {ex.Revert?.ToString() ?? ex.Message}.", ex);
        }

        var mined = await ConfirmAsync(sender, entry, confirmTimeout);
        if (!mined.Succeeded() || !await done())
        {
            throw new WriteRejectedException($"The settler's transaction {mined.TransactionHash} to {to} {(mined.Succeeded() ? "did not have its effect" : "reverted")}.");
        }

        return (long)mined.BlockNumber.Value;
    }

    public void Dispose()
    {
        _sender?.Dispose();
        _gate.Dispose();
    }

    private static async Task<TransactionReceipt> ConfirmAsync(TransactionSender sender, JournalEntry entry, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        return await sender.WaitForConfirmationsAsync(entry, cancellationToken: cancel.Token);
    }
}
