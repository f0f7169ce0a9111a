using System.Numerics;
using Nethereum.Contracts;
using Nethereum.Hex.HexTypes;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.RPC.NonceServices;
using Nethereum.Web3;
using Nethereum.Web3.Accounts;
using PowerVerse.Chain.Events;
using PowerVerse.Client.Accounts;
using PowerVerse.Workflows.Tests.Support;

namespace PowerVerse.Benchmarks.Purchases;

/// <summary>
/// The provider's setup transactions in bulk: gas, fees and nonces fixed here, so each transaction is one
/// eth_sendRawTransaction (Hardhat automines it) and its receipt is read once all of a batch is sent. Setup, not
/// measured: it only has to leave the listings in place quickly.
/// </summary>
internal sealed class ProviderTransactions
{
    private static readonly BigInteger Gas = 1_000_000;
    private static readonly BigInteger MaxFee = 20_000_000_000;     // 20 gwei, far above a Hardhat node's base fee
    private static readonly BigInteger PriorityFee = 1_000_000_000;  // 1 gwei

    private readonly LocalStack _stack;
    private readonly Web3 _web3;

    public ProviderTransactions(LocalStack stack, int account)
    {
        _stack = stack ?? throw new ArgumentNullException(nameof(stack));
        var signer = new Account(HardhatAccounts.Key(account), HardhatAccounts.ChainId);
        signer.NonceService = new InMemoryNonceService(signer.Address, new Web3(stack.Node.RpcUrl.ToString()).Client);
        _web3 = new Web3(signer, stack.Node.RpcUrl.ToString());
    }

    /// <summary>Sends the calls to <paramref name="contract"/> one after another, then reads each one's <paramref name="eventName"/>; all must succeed.</summary>
    public async Task<IReadOnlyList<DecodedEvent>> SendAllAsync<TFunction>(string contract, IEnumerable<TFunction> calls, string eventName)
        where TFunction : FunctionMessage, new()
    {
        ArgumentNullException.ThrowIfNull(calls);
        var handler = _web3.Eth.GetContractTransactionHandler<TFunction>();
        var hashes = new List<string>();
        foreach (var call in calls)
        {
            (call.Gas, call.MaxFeePerGas, call.MaxPriorityFeePerGas) = (new HexBigInteger(Gas), new HexBigInteger(MaxFee), new HexBigInteger(PriorityFee));
            hashes.Add(await handler.SendRequestAsync(_stack.Manifest[contract], call));
        }

        var events = new List<DecodedEvent>(hashes.Count);
        foreach (var hash in hashes)
        {
            var receipt = await _web3.Eth.Transactions.GetTransactionReceipt.SendRequestAsync(hash)
                ?? await _web3.TransactionReceiptPolling.PollForReceiptAsync(hash);
            events.Add(receipt.Succeeded()
                ? receipt.Logs.Select(EventRegistry.Contracts.Decode).OfType<DecodedEvent>().FirstOrDefault(e => e.Name == eventName)
                    ?? throw new InvalidOperationException($"{typeof(TFunction).Name} {hash} emitted no {eventName}.")
                : throw new InvalidOperationException($"{typeof(TFunction).Name} {hash} to {contract} reverted."));
        }

        return events;
    }
}
