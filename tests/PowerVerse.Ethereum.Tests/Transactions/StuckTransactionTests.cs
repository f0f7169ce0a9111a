using PowerVerse.Ethereum.Crypto;
using PowerVerse.Ethereum.Hex;
using PowerVerse.Ethereum.Rpc;
using PowerVerse.Ethereum.Signing;
using PowerVerse.Ethereum.Tests.Support;
using PowerVerse.Ethereum.Transactions;
using PowerVerse.Testing;

namespace PowerVerse.Ethereum.Tests.Transactions;

/// <summary>Resubmission and confirmations on a private Hardhat node with automine off (so blocks come only when the test mines them).</summary>
public sealed class StuckTransactionTests : IAsyncLifetime
{
    private HardhatNode? _node;

    public async Task InitializeAsync()
    {
        _node = await HardhatNode.StartAsync();
        await Client().Rpc.SendAsync("evm_setAutomine", [false]);
    }

    public async Task DisposeAsync()
    {
        if (_node is not null)
        {
            await _node.DisposeAsync();
        }
    }

    [Fact]
    public async Task WaitForConfirmations_NotMined_ResubmitsWithBumpedFeesAndTheReplacementMines()
    {
        var eth = Client();
        using var sender = Sender(eth, 15, TimeSpan.FromMilliseconds(300));
        var original = await sender.SendAsync(new TransactionRequest { To = Address.Zero, Value = 1, GasLimit = 21_000 });

        var waiting = sender.WaitForConfirmationsAsync(original);
        await ReplacedInPoolAsync(eth, original.TransactionHash);
        await eth.Rpc.SendAsync("evm_mine", []);
        var receipt = await waiting.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.NotEqual(original.TransactionHash, receipt.TransactionHash);
        var mined = await eth.Rpc.SendAsync("eth_getTransactionByHash", [receipt.TransactionHash]);
        var first = TransactionDecoder.Decode(original.RawTransaction).Transaction;
        Assert.Equal(first.Nonce, HexEncoding.ToBigInteger(mined.GetProperty("nonce").GetString()!));
        Assert.True(HexEncoding.ToBigInteger(mined.GetProperty("maxFeePerGas").GetString()!) > first.MaxFeePerGas * 110 / 100);
        Assert.True(HexEncoding.ToBigInteger(mined.GetProperty("maxPriorityFeePerGas").GetString()!) > first.MaxPriorityFeePerGas * 110 / 100);
        Assert.Equal(1, await eth.GetTransactionCountAsync(sender.Address, EthClient.Latest));
        Assert.Null(await eth.GetTransactionReceiptAsync(original.TransactionHash));
    }

    [Fact]
    public async Task WaitForConfirmations_Three_ReturnsOnlyOnceTwoMoreBlocksExist()
    {
        var eth = Client();
        using var sender = Sender(eth, 16, TimeSpan.FromMinutes(5));
        var entry = await sender.SendAsync(new TransactionRequest { To = Address.Zero, Value = 1, GasLimit = 21_000 });

        var waiting = sender.WaitForConfirmationsAsync(entry, confirmations: 3);
        await eth.Rpc.SendAsync("evm_mine", []);
        await eth.Rpc.SendAsync("evm_mine", []);
        await Task.Delay(500);
        Assert.False(waiting.IsCompleted);
        await eth.Rpc.SendAsync("evm_mine", []);
        var receipt = await waiting.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(entry.TransactionHash, receipt.TransactionHash);
        Assert.Equal(await eth.BlockNumberAsync(), receipt.BlockNumber + 2);
    }

    private EthClient Client() => Chain.Client(_node!.RpcUrl);

    private static TransactionSender Sender(EthClient eth, int account, TimeSpan stuckAfter) =>
        new(eth, EthereumKey.Parse(TestData.PrivateKey(account)), new FileNonceJournal(Chain.NewJournalDirectory()),
            new TransactionSenderOptions { PollInterval = TimeSpan.FromMilliseconds(50), StuckAfter = stuckAfter });

    /// <summary>Waits until the node's pool no longer holds the original: a replacement with higher fees took its place.</summary>
    private static async Task ReplacedInPoolAsync(EthClient eth, string hash)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while ((await eth.Rpc.SendAsync("eth_getTransactionByHash", [hash], timeout.Token)).ValueKind != System.Text.Json.JsonValueKind.Null)
        {
            await Task.Delay(50, timeout.Token);
        }
    }
}
