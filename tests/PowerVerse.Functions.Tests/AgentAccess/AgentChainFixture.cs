using System.Numerics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Nethereum.Contracts;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.Signer;
using Nethereum.Util;
using Nethereum.Web3;
using Nethereum.Web3.Accounts;
using PowerVerse.Chain.Attestation;
using PowerVerse.Chain.Contracts;
using PowerVerse.Chain.Deployment;
using PowerVerse.Client.Accounts;
using PowerVerse.Functions.AgentAccess;
using PowerVerse.Functions.Indexer;
using PowerVerse.Functions.ReadModel;
using PowerVerse.Testing;

namespace PowerVerse.Functions.Tests.AgentAccess;

/// <summary>
/// A Hardhat node with the real suite deployed, the indexer as the app registers it over an Azurite of its own, and
/// a provider account that registers HIDs and replaces their agents straight on chain (so nothing is indexed until a
/// test runs the indexer).
/// </summary>
public sealed class AgentChainFixture : IAsyncLifetime
{
    /// <summary>GPU model 6 (H200), seeded by the deploy script.</summary>
    private const uint GpuModel = 6;

    private readonly string _deployments = Directory.CreateTempSubdirectory("pv-agents-").FullName;
    private HardhatNode? _node;
    private AzuriteServer? _storage;
    private ServiceProvider? _services;
    private Web3 _provider = null!;

    internal DeploymentManifest Manifest { get; private set; } = null!;

    internal RegisteredAgents Agents { get; private set; } = null!;

    public string StorageConnectionString => _storage!.ConnectionString;

    internal ReadModelTables Tables => _services!.GetRequiredService<ReadModelTables>();

    public async Task InitializeAsync()
    {
        var node = HardhatNode.StartAsync();
        var storage = AzuriteServer.StartAsync();
        (_node, _storage) = (await node, await storage);
        var manifestPath = await SuiteDeployment.DeployAsync(_node.RpcUrl, _deployments);
        Manifest = DeploymentManifest.Load(manifestPath);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ReadModel"] = _storage.ConnectionString,
            ["Chain:RpcUrl"] = _node.RpcUrl.ToString(),
            ["Chain:Manifest"] = manifestPath,
            ["Indexer:Confirmations"] = "0",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddReadModel(configuration);
        services.AddChainIndexer(configuration);
        _services = services.BuildServiceProvider();
        Agents = new RegisteredAgents(
            _services.GetRequiredService<IWeb3>(), Manifest, Tables, _services.GetRequiredService<IndexerProgress>());
        _provider = new Web3(new Account(HardhatAccounts.Key(12), HardhatAccounts.ChainId), _node.RpcUrl.ToString());
    }

    public async Task DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        if (_storage is not null)
        {
            await _storage.DisposeAsync();
        }

        if (_node is not null)
        {
            await _node.DisposeAsync();
        }

        Directory.Delete(_deployments, recursive: true);
    }

    /// <summary>Runs the indexer up to the chain's head.</summary>
    public Task IndexAsync() => _services!.GetRequiredService<ChainIndexer>().RunOnceAsync(CancellationToken.None);

    /// <summary>Registers a new device whose agent is <paramref name="agent"/>; returns its HID.</summary>
    public async Task<BigInteger> RegisterAsync(EthECKey agent)
    {
        var provider = _provider.TransactionManager.Account.Address;
        var deviceHash = Sha3Keccack.Current.CalculateHash(System.Text.Encoding.UTF8.GetBytes($"GPU-{Guid.NewGuid()}"));
        var digest = DeviceAttestation.Digest(HardhatAccounts.ChainId, Manifest["HardwareRegistry"], deviceHash, provider);
        var attestation = EthECDSASignature.CreateStringSignature(agent.SignAndCalculateV(digest)).HexToByteArray();
        await SendAsync(new RegisterHardwareFunction
        {
            GpuModel = GpuModel, DeviceHash = deviceHash, Agent = agent.GetPublicAddress(), Vcpus = 8, MemoryMiB = 16_384, Attestation = attestation,
        });
        return await _provider.Eth.GetContractQueryHandler<HardwareCountFunction>().QueryAsync<BigInteger>(Manifest["HardwareRegistry"], new HardwareCountFunction());
    }

    /// <summary><c>setAgent(hid, agent)</c> by the HID's owner.</summary>
    public Task SetAgentAsync(BigInteger hid, EthECKey agent) => SendAsync(new SetAgentFunction { Hid = hid, Agent = agent.GetPublicAddress() });

    private async Task SendAsync<TFunction>(TFunction call)
        where TFunction : FunctionMessage, new()
    {
        var receipt = await _provider.Eth.GetContractTransactionHandler<TFunction>().SendRequestAndWaitForReceiptAsync(Manifest["HardwareRegistry"], call);
        if (receipt.Status?.Value != 1)
        {
            throw new InvalidOperationException($"{typeof(TFunction).Name} reverted in {receipt.TransactionHash}.");
        }
    }
}
