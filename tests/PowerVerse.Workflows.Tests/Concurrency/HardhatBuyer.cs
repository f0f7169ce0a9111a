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

namespace PowerVerse.Workflows.Tests.Concurrency;

/// <summary>
/// A buyer from Hardhat's accounts #10–#19 (ether, no tokens; <see cref="HardhatAccounts"/> names #0–#9 only): it
/// signs its purchases for the write API and approves the market from its own wallet. One write in flight at a time:
/// its forwarder nonce is sequential.
/// </summary>
internal sealed class HardhatBuyer
{
    private readonly LocalStack _stack;
    private readonly Web3 _web3;

    private HardhatBuyer(LocalStack stack, int account, EthECKey key)
    {
        _stack = stack;
        Account = account;
        Key = key;
        _web3 = new Web3(new Account(key, HardhatAccounts.ChainId), stack.Node.RpcUrl.ToString());
        Writes = new WriteSigner(key, stack.Manifest, stack.Web3);
    }

    public static int Count => HardhatAccounts.Count - 10;

    /// <summary>The Hardhat account number (#10–#19).</summary>
    public int Account { get; }

    public EthECKey Key { get; }

    public string Address => Key.GetPublicAddress();

    public WriteSigner Writes { get; }

    /// <summary>Hardhat account #(10 + <paramref name="index"/>), checked against the node's own list.</summary>
    public static async Task<HardhatBuyer> OfAsync(LocalStack stack, int index)
    {
        ArgumentNullException.ThrowIfNull(stack);
        var buyer = new HardhatBuyer(stack, 10 + index, HardhatAccounts.Key(10 + index));
        var accounts = await stack.Web3.Eth.Accounts.SendRequestAsync();
        return accounts.Length > 10 + index && string.Equals(accounts[10 + index], buyer.Address, StringComparison.OrdinalIgnoreCase)
            ? buyer
            : throw new InvalidOperationException($"Hardhat account #{10 + index} is not {buyer.Address} on this node.");
    }

    /// <summary>ERC-20 <c>approve</c> of the market from this buyer's wallet.</summary>
    public async Task ApproveMarketAsync(string token, BigInteger amount)
    {
        var receipt = await _web3.Eth.GetContractTransactionHandler<ApproveFunction>()
            .SendRequestAndWaitForReceiptAsync(_stack.Manifest[token], new ApproveFunction { Spender = _stack.Manifest["ComputeMarket"], Value = amount });
        if (!receipt.Succeeded())
        {
            throw new InvalidOperationException($"{Address}'s approval of the market reverted in {receipt.TransactionHash}.");
        }
    }
}
