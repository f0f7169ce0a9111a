using Nethereum.Hex.HexTypes;
using Nethereum.Web3;
using PowerVerse.Chain.Rpc;

namespace PowerVerse.Indexer.Tests.SeedMarket;

/// <summary>The Hardhat node's clock: moved forward with <c>evm_increaseTime</c>, read from the latest block.</summary>
internal sealed class ChainClock(Uri rpcUrl)
{
    private readonly Web3 _web3 = new(ChainRpc.CreateClient(rpcUrl));

    public async Task AdvanceAsync(long seconds)
    {
        await _web3.Client.SendRequestAsync<object>("evm_increaseTime", null, seconds);
        await _web3.Client.SendRequestAsync<object>("evm_mine");
    }

    public async Task<DateTimeOffset> NowAsync()
    {
        var head = await _web3.Eth.Blocks.GetBlockNumber.SendRequestAsync();
        var block = await _web3.Eth.Blocks.GetBlockWithTransactionsHashesByNumber.SendRequestAsync(new HexBigInteger(head.Value));
        return DateTimeOffset.FromUnixTimeSeconds((long)block.Timestamp.Value);
    }
}
