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
    // The node's default accounts #10–#19 (mnemonic "test test … junk", m/44'/60'/0'/0/i): public local keys.
    // Checked against the node's eth_accounts before use, so a node with other accounts fails loudly.
    private static readonly string[] Keys =
    [
        "0xf214f2b2cd398c806f84e317254e0f0b801d0643303237d97a22a48e01628897",
        "0x701b615bbdfb9de65240bc28bd21bbc0d996645a3dd57e7b12bc2bdf6f192c82",
        "0xa267530f49f8280200edf313ee7af6b827f2a8bce2897751d06a843f644967b1",
        "0x47c99abed3324a2707c28affff1267e45918ec8c3f20b8aa892e8b065d2942dd",
        "0xc526ee95bf44d8fc405a158bb884d9d1238d99f0612e9f33d006bb0789009aaa",
        "0x8166f546bab6da521a8369cab06c5d2b9e46670292d85c875ee9ec20e84ffb61",
        "0xea6c44ac03bff858b476bba40716402b03e41b8e97e276d1baec7c37d42484a0",
        "0x689af8efa8c651a91ad287602527f3af2fe9f6501a7ac4b061667b5a93e037fd",
        "0xde9be858da4a475276426320d5e9262ecfc3ba460bfac56360bfa6c4c28b4ee0",
        "0xdf57089febbacf7ba0bc227dafbffa9fc08a93fdc68e1e42411a14efcf23656e",
    ];

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
        var buyer = new Buyer(stack, new EthECKey(Keys[index]));
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
