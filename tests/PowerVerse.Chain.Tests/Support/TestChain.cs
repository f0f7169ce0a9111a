using Azure.Data.Tables;
using Nethereum.Contracts;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.Signer;
using Nethereum.Web3;
using Nethereum.Web3.Accounts;
using PowerVerse.Chain.Errors;
using PowerVerse.Chain.Rpc;
using PowerVerse.Chain.Transactions;
using PowerVerse.Testing;

namespace PowerVerse.Chain.Tests.Support;

/// <summary>
/// The shared Hardhat node and Azurite, with PowerForwarder and EthereumTestMarket (trusting it) deployed once per
/// process by account #19. Each test class uses its own accounts (#10–#18) so their nonces never collide, and each
/// sender its own journal table unless a test shares one on purpose.
/// </summary>
internal sealed class TestChain
{
    public const long ChainId = 31337;

    private static readonly Lazy<Task<TestChain>> SharedLazy = new(CreateAsync);

    private TestChain(HardhatNode node, AzuriteServer storage, string forwarder, string market)
    {
        Node = node;
        Storage = storage;
        Web3 = new Web3(ChainRpc.CreateClient(node.RpcUrl));
        ForwarderAddress = forwarder;
        MarketAddress = market;
    }

    public static Task<TestChain> Shared => SharedLazy.Value;

    public HardhatNode Node { get; }

    public AzuriteServer Storage { get; }

    public IWeb3 Web3 { get; }

    public string ForwarderAddress { get; }

    public string MarketAddress { get; }

    /// <summary>The test market's errors on top of the PowerVerse contracts' (contracts/abi).</summary>
    public static CustomErrorRegistry Errors { get; } = new(
        Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "ContractAbi"), "*.json").Select(File.ReadAllText)
            .Append(TestData.Contracts.GetProperty("EthereumTestMarket").GetProperty("abi").GetRawText()));

    public static EthECKey Key(int account) => new(TestData.PrivateKey(account));

    public static string AddressOf(int account) => Key(account).GetPublicAddress();

    /// <summary>A sender for Hardhat account #<paramref name="account"/> over a journal table (a fresh one unless named).</summary>
    public async Task<TransactionSender> SenderAsync(int account, string? journalTable = null, TransactionSenderOptions? options = null) =>
        new(Web3, Key(account), await JournalAsync(journalTable ?? NewTableName()),
            options ?? new TransactionSenderOptions { PollInterval = TimeSpan.FromMilliseconds(50) });

    public async Task<TableNonceJournal> JournalAsync(string table)
    {
        var journal = new TableNonceJournal(new TableClient(Storage.ConnectionString, table));
        await journal.CreateIfNotExistsAsync();
        return journal;
    }

    public static string NewTableName() => "journal" + Guid.NewGuid().ToString("N")[..16];

    /// <summary>The account's mined transaction count.</summary>
    public async Task<long> NonceAsync(string address) =>
        (long)(await Web3.Eth.Transactions.GetTransactionCount.SendRequestAsync(address, Nethereum.RPC.Eth.DTOs.BlockParameter.CreateLatest())).Value;

    public Task<T> QueryAsync<TFunction, T>(TFunction function)
        where TFunction : FunctionMessage, new() =>
        Web3.Eth.GetContractQueryHandler<TFunction>().QueryAsync<T>(MarketAddress, function);

    private static async Task<TestChain> CreateAsync()
    {
        var node = await HardhatNode.Shared;
        var storage = await AzuriteServer.Shared;
        var deployer = new Web3(new Account(TestData.PrivateKey(19), ChainId), ChainRpc.CreateClient(node.RpcUrl));
        var forwarder = await DeployAsync(deployer, "PowerForwarder");
        var market = await DeployAsync(deployer, "EthereumTestMarket", forwarder);
        return new TestChain(node, storage, forwarder, market);
    }

    private static async Task<string> DeployAsync(Web3 deployer, string contract, params object[] arguments)
    {
        var compiled = TestData.Contracts.GetProperty(contract);
        var receipt = await deployer.Eth.DeployContract.SendRequestAndWaitForReceiptAsync(
            compiled.GetProperty("abi").GetRawText(), compiled.GetProperty("bytecode").GetString()!.RemoveHexPrefix(),
            deployer.TransactionManager.Account.Address, new Nethereum.Hex.HexTypes.HexBigInteger(3_000_000), null, arguments);
        return receipt.ContractAddress;
    }
}
