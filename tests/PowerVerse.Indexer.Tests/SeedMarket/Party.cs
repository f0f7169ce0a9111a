using Nethereum.Contracts;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.Web3;
using Nethereum.Web3.Accounts;
using PowerVerse.Chain.Events;
using PowerVerse.Chain.Rpc;

namespace PowerVerse.Indexer.Tests.SeedMarket;

/// <summary>One of Hardhat's well-known test accounts, sending its own transactions directly with Nethereum.</summary>
internal sealed class Party(string privateKey, Uri rpcUrl)
{
    private readonly Web3 _web3 = new(new Account(privateKey, 31337), ChainRpc.CreateClient(rpcUrl));

    public string Address => _web3.TransactionManager.Account.Address;

    /// <summary>Sends a call, waits for it to be mined, and returns the events it emitted (it must succeed).</summary>
    public async Task<IReadOnlyList<DecodedEvent>> SendAsync<TFunction>(string contract, TFunction call)
        where TFunction : FunctionMessage, new()
    {
        var receipt = await _web3.Eth.GetContractTransactionHandler<TFunction>().SendRequestAndWaitForReceiptAsync(contract, call);
        if (!receipt.Succeeded())
        {
            throw new InvalidOperationException($"{typeof(TFunction).Name} from {Address} to {contract} failed in {receipt.TransactionHash}.");
        }

        return receipt.Logs.Select(EventRegistry.Contracts.Decode).OfType<DecodedEvent>().ToList();
    }

    /// <summary>Sends a call and returns the named event it emitted.</summary>
    public async Task<DecodedEvent> SendAsync<TFunction>(string contract, TFunction call, string expectedEvent)
        where TFunction : FunctionMessage, new() =>
        (await SendAsync(contract, call)).First(e => e.Name == expectedEvent);
}
