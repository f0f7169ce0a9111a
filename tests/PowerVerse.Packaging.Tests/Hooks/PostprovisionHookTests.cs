using System.Numerics;
using System.Text.Json;
using Nethereum.Signer;
using Nethereum.Web3;
using PowerVerse.Client.Accounts;
using PowerVerse.Testing;

namespace PowerVerse.Packaging.Tests.Hooks;

/// <summary>
/// The postprovision hook against a fresh local Hardhat node (DESIGN §6): it deploys once and records the manifest;
/// run again it finds the deployment and changes nothing; pointed at the wrong chain it refuses.
/// </summary>
public sealed class PostprovisionHookTests : HookChain
{
    private string Manifest => Path.Combine(Deployments, "31337.json");

    [Fact]
    public async Task Postprovision_FreshNodeThenAgain_DeploysOnceThenFindsItAndChangesNothing()
    {
        var web3 = new Web3(Node.RpcUrl.ToString());

        var (exit, output) = await HookRun.RunAsync(Settings("31337"));

        Assert.True(exit == 0, output);
        Assert.True(File.Exists(Manifest), output);
        var contracts = ContractsOf(await File.ReadAllTextAsync(Manifest));
        Assert.Contains("ComputeMarket", contracts.Keys);
        foreach (var (name, address) in contracts)
        {
            Assert.True(await web3.Eth.GetCode.SendRequestAsync(address) is { Length: > 2 }, $"{name} at {address} has no code");
        }

        var bytes = await File.ReadAllBytesAsync(Manifest);
        var written = File.GetLastWriteTimeUtc(Manifest);
        var block = (await web3.Eth.Blocks.GetBlockNumber.SendRequestAsync()).Value;
        var deployer = JsonDocument.Parse(bytes).RootElement.GetProperty("deployer").GetString()!;
        var sent = (await web3.Eth.Transactions.GetTransactionCount.SendRequestAsync(deployer)).Value;

        var (again, againOutput) = await HookRun.RunAsync(Settings("31337"));

        Assert.True(again == 0, againOutput);
        Assert.Contains("found the PowerVerse deployment on chain 31337", againOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("[deploy]", againOutput, StringComparison.Ordinal);
        Assert.Equal(block, (await web3.Eth.Blocks.GetBlockNumber.SendRequestAsync()).Value);
        Assert.Equal(sent, (await web3.Eth.Transactions.GetTransactionCount.SendRequestAsync(deployer)).Value);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(Manifest));
        Assert.Equal(written, File.GetLastWriteTimeUtc(Manifest));
    }

    [Fact]
    public async Task Postprovision_ChainIdDisagreesWithNode_RefusesAndDeploysNothing()
    {
        var web3 = new Web3(Node.RpcUrl.ToString());

        var (exit, output) = await HookRun.RunAsync(Settings("1"));

        Assert.NotEqual(0, exit);
        Assert.Contains("serves chain 31337, but PV_CHAIN_ID is 1: refusing to deploy", output, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(Deployments));
        Assert.Equal(BigInteger.Zero, (await web3.Eth.Blocks.GetBlockNumber.SendRequestAsync()).Value);
    }

    [Fact]
    public async Task Postprovision_WithKeyVault_CreatesTheMissingPlatformKeysAndGivesTheirAddressesTheRoles()
    {
        using var vault = new FakeKeyVault();
        var deployer = new EthECKey(HardhatAccounts.PrivateKey(5));
        vault.Store("deployer-key", HardhatAccounts.PrivateKey(5), FakeKeyVault.OpsVault);
        var settings = VaultSettings(vault);

        var (exit, output) = await HookRun.RunAsync(settings, vault.Bin);

        Assert.True(exit == 0, output + vault.Calls);
        using var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(Manifest));
        Assert.Equal(deployer.GetPublicAddress(), manifest.RootElement.GetProperty("deployer").GetString());
        // The deployer key is read from the operators' vault, on which the app has no role (infra/app/rbac.bicep).
        Assert.Contains($"--vault-name {FakeKeyVault.OpsVault} --name deployer-key", vault.Calls, StringComparison.Ordinal);
        Assert.DoesNotContain($"--vault-name {FakeKeyVault.AppVault} --name deployer-key", vault.Calls, StringComparison.Ordinal);
        var keys = new Dictionary<string, string>();
        foreach (var role in new[] { "relayer", "challenger", "settler" })
        {
            var key = vault.Secret($"{role}-key");
            Assert.NotNull(key);
            keys[role] = key;
            Assert.Equal(new EthECKey(key).GetPublicAddress(), manifest.RootElement.GetProperty("roles").GetProperty(role).GetString());
            // Never printed, never on a command line.
            Assert.DoesNotContain(key[2..], output, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(key[2..], vault.Calls, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Equal(3, keys.Values.Distinct().Count());

        var (again, againOutput) = await HookRun.RunAsync(settings, vault.Bin);

        Assert.True(again == 0, againOutput);
        Assert.Contains("found the PowerVerse deployment on chain 31337", againOutput, StringComparison.Ordinal);
        Assert.All(keys, k => Assert.Equal(k.Value, vault.Secret($"{k.Key}-key")));
    }

    [Fact]
    public async Task Postprovision_ManifestNamesContractsWithoutCode_DeploysAfresh()
    {
        // A manifest left from a chain that was reset: its addresses hold nothing on this one.
        const string Stale = "0x00000000000000000000000000000000000000aa";
        await File.WriteAllTextAsync(Manifest, JsonSerializer.Serialize(new
        {
            chainId = 31337,
            deploymentBlock = 1,
            contracts = new Dictionary<string, string> { ["ComputeMarket"] = Stale },
        }));

        var (exit, output) = await HookRun.RunAsync(Settings("31337"));

        Assert.True(exit == 0, output);
        Assert.Contains($"ComputeMarket at {Stale}", output, StringComparison.Ordinal);
        var market = ContractsOf(await File.ReadAllTextAsync(Manifest))["ComputeMarket"];
        Assert.NotEqual(Stale, market);
        Assert.True(await new Web3(Node.RpcUrl.ToString()).Eth.GetCode.SendRequestAsync(market) is { Length: > 2 });
    }

    [Theory]
    [InlineData("PV_CHAIN_ID")]
    [InlineData("PV_RPC_URL")]
    public async Task Postprovision_SettingMissing_RefusesNamingIt(string missing)
    {
        var settings = new Dictionary<string, string>(Settings("31337")) { [missing] = string.Empty };

        var (exit, output) = await HookRun.RunAsync(settings);

        Assert.NotEqual(0, exit);
        Assert.Contains($"{missing} is not set", output, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(Deployments));
    }

    private Dictionary<string, string> Settings(string chainId) => new()
    {
        ["PV_CHAIN_ID"] = chainId,
        ["PV_RPC_URL"] = Node.RpcUrl.ToString().TrimEnd('/'),
        ["PV_DEPLOYMENTS_DIR"] = Deployments,
    };

    private Dictionary<string, string> VaultSettings(FakeKeyVault vault) => new(Settings("31337"))
    {
        ["AZURE_KEY_VAULT_NAME"] = FakeKeyVault.AppVault,
        ["AZURE_OPS_KEY_VAULT_NAME"] = FakeKeyVault.OpsVault,
        ["FAKE_VAULT"] = vault.Secrets,
    };

    private static Dictionary<string, string> ContractsOf(string manifest) =>
        JsonDocument.Parse(manifest).RootElement.GetProperty("contracts").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal);
}
