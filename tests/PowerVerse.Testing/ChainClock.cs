using Nethereum.Hex.HexTypes;
using Nethereum.Web3;

namespace PowerVerse.Testing;

/// <summary>The Hardhat node's clock: moved forward with <c>evm_increaseTime</c>, read from the latest block.</summary>
public sealed class ChainClock(Uri rpcUrl)
{
    private readonly Web3 _web3 = new(rpcUrl?.ToString());

    /// <summary>Moves the node's time <paramref name="seconds"/> ahead and mines a block at the new time.</summary>
    public async Task AdvanceAsync(long seconds)
    {
        await _web3.Client.SendRequestAsync<object>("evm_increaseTime", null, seconds);
        await _web3.Client.SendRequestAsync<object>("evm_mine");
    }

    /// <summary>
    /// Moves the node's time <paramref name="seconds"/> ahead without mining: the latest block keeps its time, the next
    /// block (and any call or estimate made against the pending block) gets the new one.
    /// </summary>
    public async Task IncreaseAsync(long seconds) => await _web3.Client.SendRequestAsync<object>("evm_increaseTime", null, seconds);

    /// <summary>The latest block's timestamp.</summary>
    public async Task<DateTimeOffset> NowAsync()
    {
        var head = await _web3.Eth.Blocks.GetBlockNumber.SendRequestAsync();
        var block = await _web3.Eth.Blocks.GetBlockWithTransactionsHashesByNumber.SendRequestAsync(new HexBigInteger(head.Value));
        return DateTimeOffset.FromUnixTimeSeconds((long)block.Timestamp.Value);
    }
}
