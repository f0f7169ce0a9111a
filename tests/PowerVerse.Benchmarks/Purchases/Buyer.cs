using System.Numerics;
using Nethereum.Contracts;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.Signer;
using Nethereum.Web3;
using Nethereum.Web3.Accounts;
using PowerVerse.Chain.Contracts;
using PowerVerse.Client.Accounts;
using PowerVerse.Client.Writes;
using PowerVerse.Workflows.Tests.Support;

namespace PowerVerse.Benchmarks.Purchases;

/// <summary>
/// A buyer of the benchmark: one of Hardhat's accounts #10–#19 (ether, no tokens), which signs its purchases for the
/// write API and also sends <c>ComputeMarket.buy</c> from its own wallet for the raw reference. One write in flight at
/// a time: its forwarder nonce (and its account nonce) are sequential.
/// </summary>
internal sealed class Buyer
{
    private readonly LocalStack _stack;
    private readonly Web3 _web3;

    private Buyer(LocalStack stack, EthECKey key)
    {
        _stack = stack;
        Address = key.GetPublicAddress();
        _web3 = new Web3(new Account(key, HardhatAccounts.ChainId), stack.Node.RpcUrl.ToString());
        Writes = new WriteSigner(key, stack.Manifest, stack.Web3);
    }

    public string Address { get; }

    /// <summary>Signs this buyer's writes for the API (at its current forwarder nonce).</summary>
    public WriteSigner Writes { get; }

    /// <summary>Hardhat account #(10 + <paramref name="index"/>), checked against the node's own list.</summary>
    public static async Task<Buyer> OfAsync(LocalStack stack, int index)
    {
        ArgumentNullException.ThrowIfNull(stack);
        var buyer = new Buyer(stack, HardhatAccounts.Key(10 + index));
        var accounts = await stack.Web3.Eth.Accounts.SendRequestAsync();
        if (accounts.Length <= 10 + index || !string.Equals(accounts[10 + index], buyer.Address, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Hardhat account #{10 + index} is not {buyer.Address} on this node.");
        }

        return buyer;
    }

    /// <summary>Approves the market for every purchase this buyer will make (ERC-20 approve from its wallet).</summary>
    public Task ApproveMarketAsync(string token, BigInteger amount) =>
        SendAsync(token, new ApproveFunction { Spender = _stack.Manifest["ComputeMarket"], Value = amount });

    /// <summary>The raw reference: <c>ComputeMarket.buy</c> signed here and sent to the node, waiting for its receipt.</summary>
    public Task<TransactionReceipt> BuyDirectAsync(Listing listing)
    {
        ArgumentNullException.ThrowIfNull(listing);
        return SendAsync("ComputeMarket", new BuyFunction { Uid = listing.Uid, Token = listing.Token, Price = listing.Price });
    }

    private async Task<TransactionReceipt> SendAsync<TFunction>(string contract, TFunction call)
        where TFunction : FunctionMessage, new()
    {
        var address = contract.StartsWith("0x", StringComparison.Ordinal) ? contract : _stack.Manifest[contract];
        var receipt = await _web3.Eth.GetContractTransactionHandler<TFunction>().SendRequestAndWaitForReceiptAsync(address, call);
        return receipt.Succeeded() ? receipt : throw new InvalidOperationException($"{typeof(TFunction).Name} from {Address} reverted in {receipt.TransactionHash}.");
    }
}
