using PowerVerse.Ethereum.Abi;
using PowerVerse.Ethereum.Contracts;
using PowerVerse.Ethereum.Crypto;
using PowerVerse.Ethereum.Hex;
using PowerVerse.Ethereum.Rpc;
using PowerVerse.Ethereum.Transactions;
using PowerVerse.Testing;

namespace PowerVerse.Ethereum.Tests.Support;

/// <summary>
/// The shared Hardhat node with the test contracts deployed once per process by account #19:
/// OpenZeppelin's ERC2771Forwarder ("PowerVerse Test Forwarder") and EthereumTestMarket trusting it.
/// Each test class uses its own accounts (#10–#18) so their nonces never collide.
/// </summary>
internal sealed class Chain
{
    public const string ForwarderName = "PowerVerse Test Forwarder";

    private static readonly Lazy<Task<Chain>> SharedLazy = new(CreateAsync);

    private Chain(HardhatNode node, EthClient eth, Address forwarder, Address market)
    {
        Node = node;
        Eth = eth;
        ForwarderAddress = forwarder;
        MarketAddress = market;
    }

    public static Task<Chain> Shared => SharedLazy.Value;

    public HardhatNode Node { get; }

    public EthClient Eth { get; }

    public Address ForwarderAddress { get; }

    public Address MarketAddress { get; }

    public static ContractAbi MarketAbi { get; } = ContractAbi.FromJson(TestData.Contracts.GetProperty("EthereumTestMarket"));

    public static byte[] Bytecode(string contract) =>
        HexEncoding.ToBytes(TestData.Contracts.GetProperty(contract).GetProperty("bytecode").GetString()!);

    public ContractBinding Market => new(Eth, MarketAddress, MarketAbi);

    public static EthClient Client(Uri url) => new(new JsonRpcClient(new HttpClient(), url));

    /// <summary>A sender for Hardhat account #<paramref name="account"/> with a fresh journal folder.</summary>
    public TransactionSender Sender(int account, string? journalDirectory = null, TransactionSenderOptions? options = null) =>
        new(Eth, EthereumKey.Parse(TestData.PrivateKey(account)), new FileNonceJournal(journalDirectory ?? NewJournalDirectory()),
            options ?? new TransactionSenderOptions { PollInterval = TimeSpan.FromMilliseconds(50) });

    /// <summary>A fresh journal folder under one per-process folder that is removed when the process exits.</summary>
    public static string NewJournalDirectory() => Path.Combine(JournalRoot.Value, Guid.NewGuid().ToString("N"));

    private static readonly Lazy<string> JournalRoot = new(() =>
    {
        var root = Path.Combine(Path.GetTempPath(), "pv-ethereum-tests-" + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (IOException)
            {
                // Best effort: a temp folder left behind is harmless.
            }
        };
        return root;
    });

    private static async Task<Chain> CreateAsync()
    {
        var node = await HardhatNode.Shared;
        var eth = Client(node.RpcUrl);
        using var deployer = new TransactionSender(eth, EthereumKey.Parse(TestData.PrivateKey(19)), new FileNonceJournal(NewJournalDirectory()),
            new TransactionSenderOptions { PollInterval = TimeSpan.FromMilliseconds(50) });
        var forwarder = await ContractBinding.DeployAsync(deployer, ForwarderBinding.Abi, Bytecode("ERC2771Forwarder"), [ForwarderName]);
        var market = await ContractBinding.DeployAsync(deployer, MarketAbi, Bytecode("EthereumTestMarket"), [forwarder.Address]);
        return new Chain(node, eth, forwarder.Address, market.Address);
    }
}
