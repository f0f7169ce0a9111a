using System.Globalization;
using System.Numerics;
using Azure.Data.Tables;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.Util;
using Nethereum.Web3;
using PowerVerse.Chain.Contracts;
using PowerVerse.Chain.Transactions;
using PowerVerse.Client.Accounts;
using PowerVerse.Workflows.Tests.Support;

namespace PowerVerse.Workflows.Tests.Settlement;

/// <summary>
/// The platform challenger's key (Hardhat #2) in the test's hands: challenges requested and dispatched directly, a
/// missed one expired after its deadline, a real agent's result submitted — what the proof workflow does in
/// production, done here so a test decides which proofs a rental meets. It sends through the platform's own
/// Table-journalled sender on the stack's storage, as one more instance of the app would, so its nonces never collide
/// with a running host's settlement transactions from the same key; an expiry goes under the proof workflow's key
/// <c>expire-&lt;challengeId&gt;</c>, which settlement also uses, so the two send it once.
/// </summary>
internal sealed class TestChallenger : IDisposable
{
    public const int Account = 2;

    /// <summary>The platform's nonce journal (functions' <c>WriteRegistration.JournalTable</c>), in the app's storage.</summary>
    private const string JournalTable = "platformJournal";

    private readonly LocalStack _stack;
    private readonly TableNonceJournal _journal;
    private readonly TransactionSender _sender;
    private bool _ready;

    public TestChallenger(LocalStack stack)
    {
        ArgumentNullException.ThrowIfNull(stack);
        _stack = stack;
        _journal = new TableNonceJournal(new TableClient(stack.Storage.ConnectionString, JournalTable));
        _sender = new TransactionSender(new Web3(stack.Node.RpcUrl.ToString()), HardhatAccounts.Key(Account), _journal);
    }

    /// <summary>Requests and dispatches a challenge of the VID, committing keccak256(<paramref name="salt"/>); returns its id.</summary>
    public async Task<BigInteger> DispatchAsync(BigInteger vid, byte[] salt)
    {
        var requested = await SendAsync("ProofOfCompute", new RequestChallengeFunction { Vid = vid }.GetCallData());
        var id = SettlementMarket.Event(requested, "ChallengeRequested").Number("challengeId");
        await SendAsync("ProofOfCompute", new DispatchChallengeFunction { ChallengeId = id, SaltHash = Sha3Keccack.Current.CalculateHash(salt) }.GetCallData());
        return id;
    }

    /// <summary>Dispatches a challenge nobody will answer (its salt is thrown away): a missed proof once expired.</summary>
    public Task<BigInteger> DispatchUnansweredAsync(BigInteger vid) => DispatchAsync(vid, Guid.NewGuid().ToByteArray().Concat(Guid.NewGuid().ToByteArray()).ToArray());

    /// <summary><c>expire</c> of an open challenge past its deadline (the missed proof), under the key settlement shares.</summary>
    public Task ExpireAsync(BigInteger challengeId) =>
        SendAsync("ProofOfCompute", new ExpireChallengeFunction { ChallengeId = challengeId }.GetCallData(), string.Create(CultureInfo.InvariantCulture, $"expire-{challengeId}"));

    public async Task<ChallengeInfo> ChallengeAsync(BigInteger challengeId) =>
        (await _stack.Web3.Eth.GetContractQueryHandler<ChallengeOfFunction>().QueryDeserializingToObjectAsync<ChallengeOutput>(
            new ChallengeOfFunction { ChallengeId = challengeId }, _stack.Manifest["ProofOfCompute"])).Challenge;

    /// <summary>Submits the agent's result with the salt committed at dispatch and the elapsed time observed.</summary>
    public Task SubmitAsync(BigInteger challengeId, byte[] salt, AgentResult result, ulong observedElapsedMs)
    {
        ArgumentNullException.ThrowIfNull(result);
        return SendAsync("ProofOfCompute", new SubmitResultFunction
        {
            ChallengeId = challengeId, Salt = salt, Nonces = [.. result.Nonces], StartedAt = result.StartedAt, FinishedAt = result.FinishedAt,
            ObservedElapsedMs = observedElapsedMs, Signature = result.Signature,
        }.GetCallData());
    }

    public void Dispose() => _sender.Dispose();

    /// <summary>Sends from the challenger through the journal and waits for it; it must succeed.</summary>
    private async Task<TransactionReceipt> SendAsync(string contract, byte[] data, string? key = null)
    {
        if (!_ready)
        {
            await _journal.CreateIfNotExistsAsync();
            _ready = true;
        }

        var entry = await _sender.SendAsync(new TransactionRequest { To = _stack.Manifest[contract], Data = data, Key = key });
        var receipt = await _sender.WaitForConfirmationsAsync(entry);
        return receipt.Succeeded() ? receipt : throw new InvalidOperationException($"The challenger's call to {contract} reverted in {receipt.TransactionHash}.");
    }
}

/// <summary>A gpu-agent's <c>result</c> message (DESIGN §3): its nonces, its own timestamps and its EIP-712 signature.</summary>
internal sealed record AgentResult(IReadOnlyList<ulong> Nonces, ulong StartedAt, ulong FinishedAt, byte[] Signature);
