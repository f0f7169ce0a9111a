using System.Numerics;
using PowerVerse.Ethereum.Crypto;
using PowerVerse.Ethereum.Rpc;
using PowerVerse.Ethereum.Signing;

namespace PowerVerse.Ethereum.Transactions;

/// <summary>
/// Sends EIP-1559 transactions from one platform key. Each send reserves a nonce and records the signed
/// transaction in the <see cref="INonceJournal"/> before broadcasting it, so concurrent callers never share a
/// nonce and a sender that dies is resumed by the next one over the same journal (<see cref="ResumeAsync"/>,
/// also run before the first send). Stuck transactions are resubmitted with bumped fees while waiting.
/// </summary>
public sealed partial class TransactionSender : IDisposable
{
    private readonly EthClient _eth;
    private readonly EthereumKey _key;
    private readonly INonceJournal _journal;
    private readonly TransactionSenderOptions _options;
    private readonly FeeEstimator _fees;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _order = new(1, 1);
    private BigInteger? _chainId;
    private bool _resumed;

    public TransactionSender(EthClient eth, EthereumKey key, INonceJournal journal, TransactionSenderOptions? options = null, TimeProvider? time = null)
    {
        _eth = eth ?? throw new ArgumentNullException(nameof(eth));
        _key = key ?? throw new ArgumentNullException(nameof(key));
        _journal = journal ?? throw new ArgumentNullException(nameof(journal));
        _options = options ?? new TransactionSenderOptions();
        _fees = new FeeEstimator(eth, _options);
        _time = time ?? TimeProvider.System;
    }

    public Address Address => _key.Address;

    public EthClient Eth => _eth;

    /// <summary>Runs after an entry is journalled and before it is broadcast (lets tests abandon a sender right there).</summary>
    internal Action<JournalEntry>? AfterRecord { get; set; }

    /// <summary>Signs, journals and broadcasts; returns the journalled entry (state Sent, or Recorded if the node was unreachable).</summary>
    /// <exception cref="RpcException">Gas estimation failed, e.g. the call reverts; no nonce was used.</exception>
    /// <exception cref="TransactionRejectedException">The node refused the signed transaction; its nonce was filled.</exception>
    public async Task<JournalEntry> SendAsync(TransactionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var chainId = await ChainIdAsync(cancellationToken);
        var gas = request.GasLimit ?? await EstimateGasAsync(request, cancellationToken);
        var fees = await _fees.EstimateAsync(cancellationToken);

        await _order.WaitAsync(cancellationToken);
        try
        {
            if (!_resumed)
            {
                await ResumeCoreAsync(cancellationToken);
                _resumed = true;
            }

            // Sends go out in nonce order (under this lock) so no node ever sees a nonce gap from us.
            var chainNonce = await _eth.GetTransactionCountAsync(Address, EthClient.Pending, cancellationToken);
            var entry = await _journal.AppendAsync(Address, chainNonce, nonce => NewEntry(new Transaction
            {
                ChainId = chainId,
                Nonce = nonce,
                To = request.To,
                Value = request.Value,
                Data = request.Data,
                GasLimit = gas,
                MaxFeePerGas = fees.MaxFeePerGas,
                MaxPriorityFeePerGas = fees.MaxPriorityFeePerGas,
            }, []), cancellationToken);
            AfterRecord?.Invoke(entry);
            return await BroadcastAsync(entry, fillOnRejection: true, cancellationToken);
        }
        finally
        {
            _order.Release();
        }
    }

    /// <summary>
    /// Rebroadcasts every journalled transaction not yet mined (after a crash or restart) and marks mined ones
    /// Confirmed once they have the configured confirmations; returns the entries it looked at.
    /// </summary>
    public async Task<IReadOnlyList<JournalEntry>> ResumeAsync(CancellationToken cancellationToken = default)
    {
        await _order.WaitAsync(cancellationToken);
        try
        {
            var result = await ResumeCoreAsync(cancellationToken);
            _resumed = true;
            return result;
        }
        finally
        {
            _order.Release();
        }
    }

    public void Dispose() => _order.Dispose();

    private async Task<IReadOnlyList<JournalEntry>> ResumeCoreAsync(CancellationToken cancellationToken)
    {
        var result = new List<JournalEntry>();
        var head = await _eth.BlockNumberAsync(cancellationToken);
        foreach (var entry in await _journal.GetUnconfirmedAsync(Address, cancellationToken))
        {
            var receipt = await FindReceiptAsync(entry, cancellationToken);
            result.Add(receipt is null
                ? await BroadcastAsync(entry, fillOnRejection: true, cancellationToken)
                : await UpdateAsync(entry with { State = head - receipt.BlockNumber + 1 >= _options.Confirmations ? JournalState.Confirmed : JournalState.Sent }, cancellationToken));
        }

        return result;
    }

    private async Task<JournalEntry> BroadcastAsync(JournalEntry entry, bool fillOnRejection, CancellationToken cancellationToken)
    {
        try
        {
            await _eth.SendRawTransactionAsync(Signing.HexRaw(entry), cancellationToken);
        }
        catch (RpcTransportException)
        {
            // Unknown whether it arrived: the entry stays Recorded and is rebroadcast by resume or while waiting.
            return entry;
        }
        catch (RpcException ex) when (NodeErrors.IsAlreadyKnown(ex))
        {
        }
        catch (RpcException ex) when (NodeErrors.IsNonceTooLow(ex))
        {
            if (await FindReceiptAsync(entry, cancellationToken) is null)
            {
                await UpdateAsync(entry with { State = JournalState.Dropped }, cancellationToken);
                throw new TransactionRejectedException($"Nonce {entry.Nonce} of {Address} was used by a transaction this journal does not know.", ex);
            }
        }
        catch (RpcException ex) when (fillOnRejection && !NodeErrors.IsUnderpriced(ex))
        {
            await FillNonceAsync(entry, cancellationToken);
            throw new TransactionRejectedException($"The node refused transaction {entry.TransactionHash} at nonce {entry.Nonce}: {ex.NodeMessage}", ex);
        }

        return await UpdateAsync(entry with { State = JournalState.Sent }, cancellationToken);
    }

    /// <summary>A refused transaction leaves its nonce unused: a zero-value self-transfer takes it so later nonces can mine.</summary>
    private async Task FillNonceAsync(JournalEntry refused, CancellationToken cancellationToken)
    {
        var original = TransactionDecoder.Decode(refused.RawTransaction).Transaction;
        var filler = original with { To = Address, Value = 0, Data = ReadOnlyMemory<byte>.Empty, GasLimit = 21_000, AccessList = [] };
        var entry = NewEntry(filler, refused.AllHashes.ToArray());
        await _journal.UpdateAsync(entry, cancellationToken);
        await BroadcastAsync(entry, fillOnRejection: false, cancellationToken);
    }

    private JournalEntry NewEntry(Transaction transaction, IReadOnlyList<string> replaced)
    {
        var signed = transaction.Sign(_key);
        return new JournalEntry(Address, (long)transaction.Nonce, signed.RawHex, signed.HashHex, JournalState.Recorded, _time.GetUtcNow(), replaced);
    }

    private async Task<JournalEntry> UpdateAsync(JournalEntry entry, CancellationToken cancellationToken)
    {
        var updated = entry with { UpdatedAt = _time.GetUtcNow() };
        await _journal.UpdateAsync(updated, cancellationToken);
        return updated;
    }

    private async Task<BigInteger> ChainIdAsync(CancellationToken cancellationToken) =>
        _chainId ??= await _eth.ChainIdAsync(cancellationToken);

    private async Task<BigInteger> EstimateGasAsync(TransactionRequest request, CancellationToken cancellationToken)
    {
        var estimate = await _eth.EstimateGasAsync(
            new CallRequest { From = Address, To = request.To, Value = request.Value, Data = request.Data }, cancellationToken);
        return estimate * (100 + _options.GasLimitPaddingPercent) / 100;
    }

    private async Task<TransactionReceipt?> FindReceiptAsync(JournalEntry entry, CancellationToken cancellationToken)
    {
        foreach (var hash in entry.AllHashes)
        {
            if (await _eth.GetTransactionReceiptAsync(hash, cancellationToken) is { } receipt)
            {
                return receipt;
            }
        }

        return null;
    }

    private static class Signing
    {
        public static ReadOnlyMemory<byte> HexRaw(JournalEntry entry) => Hex.HexEncoding.ToBytes(entry.RawTransaction);
    }
}
