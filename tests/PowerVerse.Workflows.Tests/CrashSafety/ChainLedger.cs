using System.Numerics;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.Hex.HexTypes;
using Nethereum.RPC.Eth.DTOs;
using PowerVerse.Chain.Events;
using PowerVerse.Chain.Forwarding;
using PowerVerse.Client.Accounts;
using PowerVerse.Workflows.Tests.Support;

namespace PowerVerse.Workflows.Tests.CrashSafety;

/// <summary>
/// What a crash case counts on chain: the block, the relayer's nonce and its transactions, a signer's forwarder nonce,
/// tUSD balances, and a contract's events of one name over the whole chain.
/// </summary>
internal sealed class ChainLedger(LocalStack stack)
{
    /// <summary>The platform's relayer (Hardhat #1, the keys file's <c>relayer</c>).</summary>
    public static readonly string Relayer = HardhatAccounts.Key(1).GetPublicAddress();

    private readonly ChainViews _views = new(stack.Web3, stack.Manifest);

    public string Forwarder => stack.Manifest["PowerForwarder"];

    /// <summary>The facts a write may change, before it is posted.</summary>
    public async Task<Point> TakeAsync(string signer, string payer, string payee) => new(
        await BlockAsync(), await RelayerNonceAsync(pending: false), await RelayerNonceAsync(pending: true),
        await new ForwarderClient(stack.Web3, Forwarder).NoncesAsync(signer),
        await _views.TokenBalanceAsync("TestStablecoin", payer), await _views.TokenBalanceAsync("TestStablecoin", payee));

    public async Task<long> BlockAsync() => (long)(await stack.Web3.Eth.Blocks.GetBlockNumber.SendRequestAsync()).Value;

    /// <summary>A contract's (by manifest name) events named <paramref name="name"/>, from the first block to the last.</summary>
    public async Task<IReadOnlyList<DecodedEvent>> EventsAsync(string contract, string name)
    {
        var logs = await stack.Web3.Eth.Filters.GetLogs.SendRequestAsync(new NewFilterInput
        {
            Address = [stack.Manifest[contract]],
            FromBlock = BlockParameter.CreateEarliest(),
            ToBlock = BlockParameter.CreateLatest(),
        });
        return [.. logs.Select(EventRegistry.Contracts.Decode).OfType<DecodedEvent>().Where(e => e.Name == name)];
    }

    /// <summary>Every transaction the relayer sent that was mined after <paramref name="block"/>.</summary>
    public async Task<IReadOnlyList<Transaction>> RelayerTransactionsAfterAsync(long block)
    {
        var head = await BlockAsync();
        var sent = new List<Transaction>();
        for (var number = block + 1; number <= head; number++)
        {
            var mined = await stack.Web3.Eth.Blocks.GetBlockWithTransactionsByNumber.SendRequestAsync(new HexBigInteger(number));
            sent.AddRange(mined.Transactions.Where(t => ApiJson.SameAddress(t.From, Relayer)));
        }

        return sent;
    }

    /// <summary>
    /// Whether a transaction is the forwarder's <c>execute</c> of the request signed with <paramref name="signature"/>:
    /// the signature is in its calldata (ERC-2771 ForwardRequestData carries it), and no other request has it.
    /// </summary>
    public bool Carries(Transaction transaction, byte[] signature) =>
        ApiJson.SameAddress(transaction.To, Forwarder)
        && (transaction.Input ?? string.Empty).Contains(signature.ToHex(), StringComparison.OrdinalIgnoreCase);

    public async Task<BigInteger> TokenBalanceAsync(string account) => await _views.TokenBalanceAsync("TestStablecoin", account);

    public async Task<BigInteger> ForwarderNonceAsync(string account) => await new ForwarderClient(stack.Web3, Forwarder).NoncesAsync(account);

    public async Task<BigInteger> RelayerNonceAsync(bool pending) =>
        (await stack.Web3.Eth.Transactions.GetTransactionCount.SendRequestAsync(Relayer, pending ? BlockParameter.CreatePending() : BlockParameter.CreateLatest())).Value;

    /// <summary>The facts before a write: block, relayer nonce (mined, pending), the signer's forwarder nonce, the payer's and payee's tUSD.</summary>
    public sealed record Point(long Block, BigInteger RelayerNonce, BigInteger RelayerPending, BigInteger ForwarderNonce, BigInteger PayerBalance, BigInteger PayeeBalance);
}
