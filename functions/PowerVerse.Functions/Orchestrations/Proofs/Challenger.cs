using System.Numerics;
using Nethereum.Contracts;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.Web3;
using PowerVerse.Chain.Contracts;
using PowerVerse.Chain.Deployment;
using PowerVerse.Chain.Events;
using PowerVerse.Chain.Keys;
using PowerVerse.Chain.Transactions;
using PowerVerse.Functions.Orchestrations.Relaying;

namespace PowerVerse.Functions.Orchestrations.Proofs;

/// <summary>
/// The platform challenger (DESIGN §3): requests, dispatches, submits, expires and slashes from the challenger key
/// through the Table-journalled sender, every transaction under its idempotency key so an activity run twice sends
/// once; and the views of ProofOfCompute and ProviderStaking the proof workflow reads. The key is fetched when first needed.
/// </summary>
public sealed class Challenger(
    IWeb3 web3, DeploymentManifest manifest, IPlatformKeys keys, TableNonceJournal journal, TransactionSenderOptions options,
    RelayOptions relay, TimeProvider time) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private TransactionSender? _sender;

    public DeploymentManifest Manifest => manifest;

    public IWeb3 Web3 => web3;

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
                await journal.CreateIfNotExistsAsync(cancellationToken);
                _sender = new TransactionSender(web3, await keys.GetKeyAsync(PlatformRole.Challenger, cancellationToken), journal, options, time);
            }

            return _sender;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Sends <paramref name="call"/> to the manifest's <paramref name="contract"/> under <paramref name="key"/> and waits
    /// for its confirmations. A call that reverts at estimation throws <see cref="Chain.Errors.ContractRevertedException"/>
    /// (nothing sent); the node refusing it throws <see cref="TransactionRejectedException"/>.
    /// </summary>
    public async Task<TransactionReceipt> SendAsync<TFunction>(string key, string contract, TFunction call, CancellationToken cancellationToken)
        where TFunction : FunctionMessage, new()
    {
        ArgumentNullException.ThrowIfNull(call);
        var sender = await SenderAsync(cancellationToken);
        var entry = await sender.SendAsync(new TransactionRequest { To = Manifest[contract], Data = call.GetCallData(), Key = key }, cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(relay.ConfirmTimeout);
        return await sender.WaitForConfirmationsAsync(entry, cancellationToken: timeout.Token);
    }

    public async Task<string> AddressAsync(CancellationToken cancellationToken) => (await SenderAsync(cancellationToken)).Address;

    public async Task<ChallengeInfo> ChallengeAsync(BigInteger challengeId) =>
        (await Web3.Eth.GetContractQueryHandler<ChallengeOfFunction>()
            .QueryDeserializingToObjectAsync<ChallengeOutput>(new ChallengeOfFunction { ChallengeId = challengeId }, Manifest["ProofOfCompute"])).Challenge;

    public Task<BigInteger> LastRequestAsync(BigInteger vid, string requester) =>
        Web3.Eth.GetContractQueryHandler<LastRequestOfFunction>()
            .QueryAsync<BigInteger>(Manifest["ProofOfCompute"], new LastRequestOfFunction { Vid = vid, Requester = requester });

    public Task<bool> IsSlashedAsync(BigInteger challengeId) =>
        Web3.Eth.GetContractQueryHandler<IsSlashedFunction>()
            .QueryAsync<bool>(Manifest["ProviderStaking"], new IsSlashedFunction { ChallengeId = challengeId });

    public Task<uint> CooldownAsync() =>
        Web3.Eth.GetContractQueryHandler<ChallengeCooldownFunction>().QueryAsync<uint>(Manifest["PowerParams"], new ChallengeCooldownFunction());

    /// <summary>The latest block's time, unix seconds: the clock deadlines are judged by.</summary>
    public async Task<long> ChainTimeAsync()
    {
        var block = await Web3.Eth.Blocks.GetBlockWithTransactionsHashesByNumber.SendRequestAsync(BlockParameter.CreateLatest());
        return (long)block.Timestamp.Value;
    }

    /// <summary>The receipt's events of our contracts, decoded.</summary>
    public static IReadOnlyList<DecodedEvent> Events(TransactionReceipt receipt) =>
        receipt.Logs.Select(EventRegistry.Contracts.Decode).OfType<DecodedEvent>().ToList();

    /// <summary>The contract's custom error behind a refused send (reverted at estimation, or refused by the node), or null.</summary>
    public static Chain.Errors.DecodedError? RevertOf(Exception exception) => exception switch
    {
        Chain.Errors.ContractRevertedException reverted => reverted.Error,
        TransactionRejectedException rejected => rejected.Revert,
        _ => null,
    };

    public static bool IsRevert(Exception exception) =>
        exception is Chain.Errors.ContractRevertedException || (exception is TransactionRejectedException rejected && rejected.Revert is not null);

    public void Dispose()
    {
        _sender?.Dispose();
        _gate.Dispose();
    }
}
