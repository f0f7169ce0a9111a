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
    // The node's default accounts #10–#19 (mnemonic "test test … junk", m/44'/60'/0'/0/i): public local keys,
    // checked against the node's eth_accounts before use.
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

    private HardhatBuyer(LocalStack stack, int account, EthECKey key)
    {
        _stack = stack;
        Account = account;
        Key = key;
        _web3 = new Web3(new Account(key, HardhatAccounts.ChainId), stack.Node.RpcUrl.ToString());
        Writes = new WriteSigner(key, stack.Manifest, stack.Web3);
    }

    public static int Count => Keys.Length;

    /// <summary>The Hardhat account number (#10–#19).</summary>
    public int Account { get; }

    public EthECKey Key { get; }

    public string Address => Key.GetPublicAddress();

    public WriteSigner Writes { get; }

    /// <summary>Hardhat account #(10 + <paramref name="index"/>), checked against the node's own list.</summary>
    public static async Task<HardhatBuyer> OfAsync(LocalStack stack, int index)
    {
        ArgumentNullException.ThrowIfNull(stack);
        var buyer = new HardhatBuyer(stack, 10 + index, new EthECKey(Keys[index]));
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
