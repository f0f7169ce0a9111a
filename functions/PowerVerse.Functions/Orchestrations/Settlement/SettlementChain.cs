using System.Numerics;
using Nethereum.Contracts;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.Web3;
using PowerVerse.Chain.Contracts;
using PowerVerse.Chain.Deployment;
using PowerVerse.Chain.Errors;
using PowerVerse.Chain.Events;
using PowerVerse.Chain.Transactions;
using PowerVerse.Functions.Orchestrations.Proofs;

namespace PowerVerse.Functions.Orchestrations.Settlement;

/// <summary>
/// What settlement reads of the chain (the truth for every order and challenge it acts on: the read model only finds
/// candidates) and how it sends: from the challenger key (CHALLENGER_ROLE on ComputeMarket and ProofOfCompute), through
/// the proof workflow's <see cref="Challenger"/> and its Table-journalled sender (one per key and process), every
/// transaction under an idempotency key looked up in that <paramref name="journal"/>.
/// </summary>
public sealed class SettlementChain(IWeb3 web3, DeploymentManifest manifest, Challenger challenger, TableNonceJournal journal)
{
    public string Market { get; } = manifest["ComputeMarket"];

    public string Proofs { get; } = manifest["ProofOfCompute"];

    /// <summary>The latest block: its number and its time (unix seconds), the clock rentals and deadlines run on.</summary>
    public async Task<(long Block, long Time)> HeadAsync()
    {
        var block = await web3.Eth.Blocks.GetBlockWithTransactionsHashesByNumber.SendRequestAsync(BlockParameter.CreateLatest());
        return ((long)block.Number.Value, (long)block.Timestamp.Value);
    }

    /// <summary>
    /// <c>PowerParams.disputeWindow()</c>: the window in force, never shorter than the longest proof deadline of any
    /// compute type (so also a bound on how long after its request any challenge can have been dispatched).
    /// </summary>
    public Task<uint> DisputeWindowAsync() =>
        web3.Eth.GetContractQueryHandler<DisputeWindowFunction>().QueryAsync<uint>(manifest["PowerParams"], new DisputeWindowFunction());

    /// <summary><c>ComputeMarket.orderOf(uid)</c> at the latest block.</summary>
    public async Task<MarketOrder> OrderAsync(BigInteger uid) =>
        (await web3.Eth.GetContractQueryHandler<OrderOfFunction>().QueryDeserializingToObjectAsync<OrderOutput>(new OrderOfFunction { Uid = uid }, Market)).Order;

    /// <summary><c>ProofOfCompute.challengeOf(challengeId)</c> at the latest block.</summary>
    public async Task<ChallengeInfo> ChallengeAsync(BigInteger challengeId) =>
        (await web3.Eth.GetContractQueryHandler<ChallengeOfFunction>().QueryDeserializingToObjectAsync<ChallengeOutput>(new ChallengeOfFunction { ChallengeId = challengeId }, Proofs)).Challenge;

    /// <summary>The challenger's journalled transaction for <paramref name="key"/>, if one was ever sent under it.</summary>
    public async Task<JournalEntry?> JournalledAsync(string key)
    {
        var sender = await challenger.SenderAsync(CancellationToken.None);
        return await journal.FindByKeyAsync(sender.Address, key);
    }

    /// <summary>
    /// Sends <paramref name="data"/> to <paramref name="contract"/> from the challenger under <paramref name="key"/> (once
    /// per key, whoever asks) and waits for its confirmations. Its gas limit is twice the estimate: what a settlement
    /// or refund costs depends on the VID's income pool, which other orders' settlements change between the estimate
    /// and the transaction (unused gas is not paid for). A call the chain refuses at estimation or at sending throws
    /// <see cref="ContractRevertedException"/> / <see cref="TransactionRejectedException"/>.
    /// </summary>
    public async Task<Sent> SendAsync(string contract, byte[] data, string key, TimeSpan timeout)
    {
        var sender = await challenger.SenderAsync(CancellationToken.None);
        BigInteger gas;
        try
        {
            gas = (await web3.Eth.Transactions.EstimateGas.SendRequestAsync(new CallInput(data.ToHex(prefix: true), contract) { From = sender.Address })).Value;
        }
        catch (Exception ex) when (ContractRevertedException.From(ex) is { } reverted)
        {
            // Another run of the same activity may have sent it meanwhile, and the estimate reverts because that ran.
            if (await JournalledAsync(key) is { } raced)
            {
                return await ConfirmAsync(raced, timeout);
            }

            throw reverted;
        }

        var entry = await sender.SendAsync(new TransactionRequest { To = contract, Data = data, Key = key, GasLimit = gas * 2 });
        return await ConfirmAsync(entry, timeout);
    }

    /// <summary>Waits for a journalled transaction's confirmations; its events decoded.</summary>
    public async Task<Sent> ConfirmAsync(JournalEntry entry, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var sender = await challenger.SenderAsync(CancellationToken.None);
        using var cancel = new CancellationTokenSource(timeout);
        var receipt = await sender.WaitForConfirmationsAsync(entry, cancellationToken: cancel.Token);
        var events = receipt.Logs.Select(EventRegistry.Contracts.Decode).OfType<DecodedEvent>().ToList();
        return new Sent(receipt.TransactionHash, (long)receipt.BlockNumber.Value, receipt.Succeeded(), events);
    }

    /// <summary>A confirmed transaction: whether it succeeded, and the events it emitted (none when it reverted).</summary>
    public sealed record Sent(string TransactionHash, long Block, bool Succeeded, IReadOnlyList<DecodedEvent> Events)
    {
        /// <summary>The first event of that name about <paramref name="id"/> in its argument <paramref name="argument"/>.</summary>
        public DecodedEvent? Event(string name, string argument, BigInteger id) =>
            Events.FirstOrDefault(e => e.Name == name && e.Number(argument) == id);
    }
}
