using Nethereum.Model;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.Web3;
using PowerVerse.Chain.Rpc;
using PowerVerse.Chain.Tests.Support;
using PowerVerse.Chain.Transactions;
using PowerVerse.Testing;

namespace PowerVerse.Chain.Tests.Transactions;

/// <summary>Re-pricing and confirmations on a private Hardhat node with automine off (blocks come only when the test mines them).</summary>
public sealed class StuckTransactionTests : IAsyncLifetime
{
    private const string Burn = "0x000000000000000000000000000000000000dEaD";
    private HardhatNode? _node;
    private Web3? _web3;

    public async Task InitializeAsync()
    {
        _node = await HardhatNode.StartAsync();
        _web3 = new Web3(ChainRpc.CreateClient(_node.RpcUrl));
        await _web3.Client.SendRequestAsync<bool>("evm_setAutomine", null, false);
    }

    public async Task DisposeAsync()
    {
        if (_node is not null)
        {
            await _node.DisposeAsync();
        }
    }

    [Fact]
    public async Task WaitForConfirmations_NotMined_RepricesAndTheReplacementMines()
    {
        using var sender = await SenderAsync(15, TimeSpan.FromMilliseconds(300));
        var original = await sender.SendAsync(new TransactionRequest { To = Burn, Value = 1, GasLimit = 21_000 });

        var waiting = sender.WaitForConfirmationsAsync(original);
        await ReplacedInPoolAsync(original.TransactionHash);
        await MineAsync();
        var receipt = await waiting.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.NotEqual(original.TransactionHash, receipt.TransactionHash);
        var mined = await _web3!.Eth.Transactions.GetTransactionByHash.SendRequestAsync(receipt.TransactionHash);
        var first = (Transaction1559)TransactionFactory.CreateTransaction(original.RawTransaction);
        Assert.Equal(first.Nonce, mined.Nonce.Value);
        Assert.True(mined.MaxFeePerGas.Value > first.MaxFeePerGas * 110 / 100);
        Assert.True(mined.MaxPriorityFeePerGas.Value > first.MaxPriorityFeePerGas * 110 / 100);
        Assert.Equal(1, (await _web3.Eth.Transactions.GetTransactionCount.SendRequestAsync(sender.Address, BlockParameter.CreateLatest())).Value);
        Assert.Null(await _web3.Eth.Transactions.GetTransactionReceipt.SendRequestAsync(original.TransactionHash));
    }

    [Fact]
    public async Task WaitForConfirmations_Three_ReturnsOnlyOnceTwoMoreBlocksExist()
    {
        using var sender = await SenderAsync(16, TimeSpan.FromMinutes(5));
        var entry = await sender.SendAsync(new TransactionRequest { To = Burn, Value = 1, GasLimit = 21_000 });

        var waiting = sender.WaitForConfirmationsAsync(entry, confirmations: 3);
        await MineAsync();
        await MineAsync();
        await Task.Delay(500);
        Assert.False(waiting.IsCompleted);
        await MineAsync();
        var receipt = await waiting.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(entry.TransactionHash, receipt.TransactionHash);
        Assert.Equal((await _web3!.Eth.Blocks.GetBlockNumber.SendRequestAsync()).Value, receipt.BlockNumber.Value + 2);
    }

    private Task<string> MineAsync() => _web3!.Client.SendRequestAsync<string>("evm_mine");

    private async Task<TransactionSender> SenderAsync(int account, TimeSpan stuckAfter)
    {
        var chain = await TestChain.Shared;
        return new TransactionSender(_web3!, TestChain.Key(account), await chain.JournalAsync(TestChain.NewTableName()),
            new TransactionSenderOptions { PollInterval = TimeSpan.FromMilliseconds(50), StuckAfter = stuckAfter });
    }

    /// <summary>Waits until the node's pool no longer holds the original: a replacement with higher fees took its place.</summary>
    private async Task ReplacedInPoolAsync(string hash)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (await _web3!.Eth.Transactions.GetTransactionByHash.SendRequestAsync(hash) is not null)
        {
            await Task.Delay(50, timeout.Token);
        }
    }
}
