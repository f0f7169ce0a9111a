using System.Numerics;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.Hex.HexTypes;
using Nethereum.JsonRpc.Client;
using Nethereum.Model;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.RPC.Fee1559Suggestions;
using Nethereum.Signer;
using Nethereum.Util;
using Nethereum.Web3;
using PowerVerse.Chain.Errors;
using PowerVerse.Chain.Rpc;

namespace PowerVerse.Chain.Transactions;

/// <summary>
/// Sends EIP-1559 transactions from one platform key, shared by any number of processes through the
/// <see cref="TableNonceJournal"/>: each send takes a nonce and journals the signed transaction before broadcasting
/// it, and a sender resumes the journal (<see cref="ResumeAsync"/>, also before its first send) so whatever another
/// one left unsent is rebroadcast. Stuck transactions are resubmitted with bumped fees while waiting.
/// </summary>
public sealed partial class TransactionSender : IDisposable
{
    private readonly IWeb3 _web3;
    private readonly EthECKey _key;
    private readonly TableNonceJournal _journal;
    private readonly TransactionSenderOptions _options;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _order = new(1, 1);
    private readonly Transaction1559Signer _signer = new();
    private BigInteger? _chainId;
    private bool _resumed;

    public TransactionSender(IWeb3 web3, EthECKey key, TableNonceJournal journal, TransactionSenderOptions? options = null, TimeProvider? time = null)
    {
        _web3 = web3 ?? throw new ArgumentNullException(nameof(web3));
        _key = key ?? throw new ArgumentNullException(nameof(key));
        _journal = journal ?? throw new ArgumentNullException(nameof(journal));
        _options = options ?? new TransactionSenderOptions();
        _time = time ?? TimeProvider.System;
        Address = key.GetPublicAddress();
    }

    /// <summary>The sending account (EIP-55).</summary>
    public string Address { get; }

    /// <summary>Runs after an entry is journalled and before it is broadcast (lets tests abandon a sender right there).</summary>
    internal Action<JournalEntry>? AfterRecord { get; set; }

    /// <summary>
    /// Signs, journals and broadcasts; returns the journalled entry (Sent, or Recorded if the node was unreachable).
    /// A request with a <see cref="TransactionRequest.Key"/> that the journal already holds is not sent again: the
    /// entry journalled for it is returned as it stands (<see cref="WaitForConfirmationsAsync"/> rebroadcasts it if it
    /// is still Recorded), also when another process sends the same key at the same time.
    /// </summary>
    /// <exception cref="ContractRevertedException">Gas estimation reverted (decoded); no nonce was used.</exception>
    /// <exception cref="TransactionRejectedException">The node refused the signed transaction; its nonce was filled.</exception>
    public async Task<JournalEntry> SendAsync(TransactionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await FindByKeyAsync(request, cancellationToken) is { } journalled)
        {
            return journalled;
        }

        var chainId = await ChainIdAsync();
        BigInteger gas;
        try
        {
            gas = request.GasLimit ?? await EstimateGasAsync(request);
        }
        catch (ContractRevertedException)
        {
            // Another sender may have sent this key meanwhile, and the estimate reverts because that ran (a forwarder
            // nonce is used once): then its entry is the answer.
            if (await FindByKeyAsync(request, cancellationToken) is { } raced)
            {
                return raced;
            }

            throw;
        }

        var fees = await SuggestFeesAsync();

        await _order.WaitAsync(cancellationToken);
        try
        {
            if (!_resumed)
            {
                await ResumeCoreAsync(cancellationToken);
                _resumed = true;
            }

            // This process sends in nonce order (under the lock); another process's later nonces wait in the
            // node's pool until the gap fills, which every node allows.
            var chainNonce = await _web3.Eth.Transactions.GetTransactionCount.SendRequestAsync(Address, BlockParameter.CreatePending());
            JournalEntry? signed = null;
            var entry = await _journal.AppendAsync(Address, (long)chainNonce.Value, nonce => signed = NewEntry(new Transaction1559(
                chainId, nonce, fees.MaxPriorityFeePerGas, fees.MaxFeePerGas, gas, request.To, request.Value, request.Data.ToHex(prefix: true), []), []) with { Key = request.Key },
                cancellationToken);
            if (!ReferenceEquals(entry, signed))
            {
                // The key was journalled by another sender first; nothing of ours was stored or is sent.
                return entry;
            }

            AfterRecord?.Invoke(entry);
            return await BroadcastAsync(entry, fillOnRejection: true, cancellationToken);
        }
        finally
        {
            _order.Release();
        }
    }

    /// <summary>
    /// Rebroadcasts every journalled transaction of this account not yet mined (after a crash, or left by another
    /// process) and marks mined ones Confirmed once they have the configured confirmations; returns the entries.
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
        var head = await BlockNumberAsync();
        foreach (var entry in await _journal.GetUnconfirmedAsync(Address, cancellationToken))
        {
            var receipt = await FindReceiptAsync(entry);
            result.Add(receipt is null
                ? await BroadcastAsync(entry, fillOnRejection: true, cancellationToken)
                : await UpdateAsync(entry with { State = head - receipt.BlockNumber.Value + 1 >= _options.Confirmations ? JournalState.Confirmed : JournalState.Sent }, cancellationToken));
        }

        return result;
    }

    private async Task<JournalEntry> BroadcastAsync(JournalEntry entry, bool fillOnRejection, CancellationToken cancellationToken)
    {
        try
        {
            await _web3.Eth.Transactions.SendRawTransaction.SendRequestAsync(entry.RawTransaction);
        }
        catch (Exception ex) when (ChainRpc.IsTransportFault(ex))
        {
            // Unknown whether it arrived: the entry stays Recorded and is rebroadcast by resume or while waiting.
            return entry;
        }
        catch (RpcResponseException ex) when (NodeErrors.IsAlreadyKnown(ex))
        {
        }
        catch (RpcResponseException ex) when (NodeErrors.IsNonceTooHigh(ex))
        {
            // A nonce below it has not reached this node: another sender of this key journalled it and has not sent it
            // yet (or died). Its signed transaction is in the shared journal, so send it from here; this one stays
            // Recorded and is rebroadcast while waiting.
            await SendJournalledBelowAsync(entry.Nonce, cancellationToken);
            return entry;
        }
        catch (RpcResponseException ex) when (NodeErrors.IsNonceTooLow(ex))
        {
            if (await FindReceiptAsync(entry) is null)
            {
                await UpdateAsync(entry with { State = JournalState.Dropped }, cancellationToken);
                throw new TransactionRejectedException($"Nonce {entry.Nonce} of {Address} was used by a transaction this journal does not know.", ex);
            }
        }
        catch (RpcResponseException ex) when (fillOnRejection && !NodeErrors.IsUnderpriced(ex))
        {
            // Some nodes (Hardhat) answer a reverting transaction with an error yet mine it: then its nonce is used.
            if (await FindReceiptAsync(entry) is null)
            {
                await FillNonceAsync(entry, cancellationToken);
            }
            else
            {
                await UpdateAsync(entry with { State = JournalState.Sent }, cancellationToken);
            }

            var revert = CustomErrorRegistry.Contracts.Decode(ex);
            throw new TransactionRejectedException($"The node refused transaction {entry.TransactionHash} at nonce {entry.Nonce}: {revert?.ToString() ?? ex.RpcError.Message}", ex) { Revert = revert };
        }

        return await UpdateAsync(entry with { State = JournalState.Sent }, cancellationToken);
    }

    /// <summary>Sends every unconfirmed journalled transaction of this key below <paramref name="nonce"/>, whoever signed it.</summary>
    private async Task SendJournalledBelowAsync(long nonce, CancellationToken cancellationToken)
    {
        foreach (var earlier in (await _journal.GetUnconfirmedAsync(Address, cancellationToken)).Where(e => e.Nonce < nonce))
        {
            try
            {
                await _web3.Eth.Transactions.SendRawTransaction.SendRequestAsync(earlier.RawTransaction);
            }
            catch (Exception ex) when (ex is RpcResponseException || ChainRpc.IsTransportFault(ex))
            {
                // Already known, already mined, waiting on an earlier one, or the node unreachable: a later round retries.
            }
        }
    }

    /// <summary>A refused transaction leaves its nonce unused: a zero-value self-transfer takes it so later nonces can mine.</summary>
    private async Task FillNonceAsync(JournalEntry refused, CancellationToken cancellationToken)
    {
        var original = Decode(refused);
        var filler = new Transaction1559(original.ChainId, original.Nonce!.Value, original.MaxPriorityFeePerGas!.Value, original.MaxFeePerGas!.Value,
            21_000, Address, 0, "0x", []);
        var entry = await _journal.UpdateAsync(NewEntry(filler, refused.AllHashes.ToArray()), cancellationToken);
        await BroadcastAsync(entry, fillOnRejection: false, cancellationToken);
    }

    private JournalEntry NewEntry(Transaction1559 transaction, IReadOnlyList<string> replaced)
    {
        var raw = _signer.SignTransaction(_key, transaction).EnsureHexPrefix();
        var hash = Sha3Keccack.Current.CalculateHash(raw.HexToByteArray()).ToHex(prefix: true);
        return new JournalEntry(Address, (long)transaction.Nonce!.Value, raw, hash, JournalState.Recorded, _time.GetUtcNow(), replaced);
    }

    private async Task<JournalEntry?> FindByKeyAsync(TransactionRequest request, CancellationToken cancellationToken) =>
        request.Key is { } key ? await _journal.FindByKeyAsync(Address, key, cancellationToken) : null;

    private Task<JournalEntry> UpdateAsync(JournalEntry entry, CancellationToken cancellationToken) =>
        _journal.UpdateAsync(entry with { UpdatedAt = _time.GetUtcNow() }, cancellationToken);

    private static Transaction1559 Decode(JournalEntry entry) =>
        TransactionFactory.CreateTransaction(entry.RawTransaction) as Transaction1559
        ?? throw new InvalidDataException($"Journal entry {entry.Nonce} of {entry.Account} is not an EIP-1559 transaction.");

    private async Task<BigInteger> ChainIdAsync() => _chainId ??= (await _web3.Eth.ChainId.SendRequestAsync()).Value;

    private async Task<BigInteger> BlockNumberAsync() => (await _web3.Eth.Blocks.GetBlockNumber.SendRequestAsync()).Value;

    private async Task<BigInteger> EstimateGasAsync(TransactionRequest request)
    {
        var call = new CallInput(request.Data.ToHex(prefix: true), request.To, new HexBigInteger(request.Value)) { From = Address };
        try
        {
            var estimate = await _web3.Eth.Transactions.EstimateGas.SendRequestAsync(call);
            return estimate.Value * (100 + _options.GasLimitPaddingPercent) / 100;
        }
        catch (Exception ex) when (ContractRevertedException.From(ex) is { } reverted)
        {
            throw reverted;
        }
    }

    /// <summary>Nethereum's fee-history strategy, with our floor on the priority fee and our cap on the total.</summary>
    private async Task<Fee1559> SuggestFeesAsync()
    {
        var suggested = await new MedianPriorityFeeHistorySuggestionStrategy(_web3.Client).SuggestFeeAsync();
        var priority = BigInteger.Max(suggested.MaxPriorityFeePerGas ?? 0, _options.MinPriorityFeePerGas);
        var maxFee = BigInteger.Max(suggested.MaxFeePerGas ?? 0, (2 * (suggested.BaseFee ?? 0)) + priority);
        if (_options.MaxFeePerGasCap is { } cap && maxFee > cap)
        {
            maxFee = cap;
            priority = BigInteger.Min(priority, cap);
        }

        return new Fee1559 { BaseFee = suggested.BaseFee, MaxFeePerGas = maxFee, MaxPriorityFeePerGas = priority };
    }

    private async Task<TransactionReceipt?> FindReceiptAsync(JournalEntry entry)
    {
        foreach (var hash in entry.AllHashes)
        {
            if (await _web3.Eth.Transactions.GetTransactionReceipt.SendRequestAsync(hash) is { } receipt)
            {
                return receipt;
            }
        }

        return null;
    }
}
