using System.Numerics;
using Nethereum.Hex.HexTypes;
using Nethereum.RPC.Eth.DTOs;
using PowerVerse.Chain.Events;
using PowerVerse.Client.Accounts;
using PowerVerse.Workflows.Tests.Support;

namespace PowerVerse.Workflows.Tests.Concurrency;

/// <summary>What happened on chain in a range of blocks, read from the node: the market's sales, the relayer's transactions.</summary>
internal static class ChainRecord
{
    /// <summary>The platform relayer (Hardhat #1), whose key every local host shares.</summary>
    public static string Relayer { get; } = HardhatAccounts.Key(1).GetPublicAddress();

    public static async Task<BigInteger> HeadAsync(LocalStack stack) =>
        (await stack.Web3.Eth.Blocks.GetBlockNumber.SendRequestAsync()).Value;

    /// <summary>The relayer's account nonce (its mined transactions).</summary>
    public static async Task<BigInteger> RelayerNonceAsync(LocalStack stack) =>
        (await stack.Web3.Eth.Transactions.GetTransactionCount.SendRequestAsync(Relayer, BlockParameter.CreateLatest())).Value;

    /// <summary>The market's <c>Purchased</c> events in blocks <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static async Task<IReadOnlyList<DecodedEvent>> PurchasesAsync(LocalStack stack, BigInteger from, BigInteger to)
    {
        var logs = await stack.Web3.Eth.Filters.GetLogs.SendRequestAsync(new NewFilterInput
        {
            Address = [stack.Manifest["ComputeMarket"]],
            FromBlock = new BlockParameter(new HexBigInteger(from)),
            ToBlock = new BlockParameter(new HexBigInteger(to)),
        });
        return [.. logs.Select(EventRegistry.Contracts.Decode).OfType<DecodedEvent>().Where(e => e.Name == "Purchased")];
    }

    /// <summary>Every transaction the relayer sent that was mined in blocks <paramref name="from"/> to <paramref name="to"/>: block, nonce, hash.</summary>
    public static async Task<IReadOnlyList<(BigInteger Block, BigInteger Nonce, string Hash)>> RelayerTransactionsAsync(LocalStack stack, BigInteger from, BigInteger to)
    {
        var found = new List<(BigInteger, BigInteger, string)>();
        for (var number = from; number <= to; number++)
        {
            var block = await stack.Web3.Eth.Blocks.GetBlockWithTransactionsByNumber.SendRequestAsync(new HexBigInteger(number));
            found.AddRange(block.Transactions
                .Where(t => string.Equals(t.From, Relayer, StringComparison.OrdinalIgnoreCase))
                .Select(t => (number, t.Nonce.Value, t.TransactionHash)));
        }

        return found;
    }
}
