using System.Numerics;
using Nethereum.Contracts;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.Signer;
using Nethereum.Web3;
using Nethereum.Web3.Accounts;
using PowerVerse.Chain.Contracts;
using PowerVerse.Client.Accounts;
using PowerVerse.Client.Writes;

namespace PowerVerse.Workflows.Tests.Support;

/// <summary>
/// A Hardhat test account as its user holds it: the writes it signs for the API, and the few transactions a user
/// sends from the wallet itself because the API has no route for them (ERC-20 approvals, staking, a permissionless
/// settlement).
/// </summary>
public sealed class Wallet
{
    private readonly LocalStack _stack;
    private readonly Web3 _web3;

    public Wallet(LocalStack stack, int account)
    {
        ArgumentNullException.ThrowIfNull(stack);
        _stack = stack;
        Key = HardhatAccounts.Key(account);
        _web3 = new Web3(new Account(Key, HardhatAccounts.ChainId), stack.Node.RpcUrl.ToString());
        Writes = stack.Signer(account);
    }

    public EthECKey Key { get; }

    /// <summary>EIP-55 address.</summary>
    public string Address => Key.GetPublicAddress();

    /// <summary>Signs this account's writes for the API.</summary>
    public WriteSigner Writes { get; }

    /// <summary>ERC-20 <c>approve</c> of the market for <paramref name="amount"/> (before buying a UID or RID shares).</summary>
    public Task ApproveMarketAsync(string token, BigInteger amount) =>
        SendAsync(token, new ApproveFunction { Spender = _stack.Manifest["ComputeMarket"], Value = amount });

    /// <summary>Stakes <paramref name="amount"/> PVC on the HID (approving the staking contract first).</summary>
    public async Task StakeAsync(BigInteger hid, BigInteger amount)
    {
        await SendAsync("PowerVerseCoin", new ApproveFunction { Spender = _stack.Manifest["ProviderStaking"], Value = amount });
        await SendAsync("ProviderStaking", new StakeFunction { Hid = hid, Amount = amount });
    }

    /// <summary><c>ComputeMarket.settle(uid)</c>, which anyone may send once the dispute window is over.</summary>
    public Task SettleAsync(BigInteger uid) => SendAsync("ComputeMarket", new SettleFunction { Uid = uid });

    /// <summary>Sends a call from this account directly and waits for it; it must succeed.</summary>
    public async Task<TransactionReceipt> SendAsync<TFunction>(string contract, TFunction call)
        where TFunction : FunctionMessage, new()
    {
        var receipt = await _web3.Eth.GetContractTransactionHandler<TFunction>().SendRequestAndWaitForReceiptAsync(_stack.Manifest[contract], call);
        return receipt.Succeeded() ? receipt : throw new InvalidOperationException($"{typeof(TFunction).Name} from {Address} to {contract} reverted in {receipt.TransactionHash}.");
    }
}
