using Nethereum.Signer;
using Nethereum.Web3;
using PowerVerse.Client.Accounts;
using PowerVerse.Testing;

namespace PowerVerse.Packaging.Tests.Hooks;

/// <summary>
/// The hook and Key Vault: a vault made afresh next to a deployment already on chain (azd down --purge, azd up) gets
/// its platform keys, and the hook fails naming the grants they lack; refusals while Bicep's new role assignment
/// propagates are waited out.
/// </summary>
public sealed class PostprovisionVaultTests : HookChain
{
    [Fact]
    public async Task Postprovision_FoundDeploymentAndEmptyVault_CreatesTheKeysAndFailsNamingTheGrantsUntilTheRoleKeysAreBack()
    {
        // Deployed without a vault: the roles went to the node's accounts #1 (relayer), #2 (challenger), #3 (settler).
        var (first, firstOutput) = await HookRun.RunAsync(Settings());
        Assert.True(first == 0, firstOutput);
        var web3 = new Web3(Node.RpcUrl.ToString());
        var block = (await web3.Eth.Blocks.GetBlockNumber.SendRequestAsync()).Value;
        using var vault = new FakeKeyVault();

        var (exit, output) = await HookRun.RunAsync(VaultSettings(vault), vault.Bin);

        Assert.NotEqual(0, exit);
        Assert.Contains("found the PowerVerse deployment on chain 31337", output, StringComparison.Ordinal);
        Assert.Contains("created just now: relayer-key, challenger-key, settler-key", output, StringComparison.Ordinal);
        var challenger = new EthECKey(vault.Secret("challenger-key")!).GetPublicAddress();
        var settler = new EthECKey(vault.Secret("settler-key")!).GetPublicAddress();
        Assert.NotNull(vault.Secret("relayer-key"));
        foreach (var contract in new[] { "ComputeMarket", "ProofOfCompute", "ProviderStaking" })
        {
            Assert.Matches($"CHALLENGER_ROLE to {challenger} \\(challenger-key\\) on {contract} 0x", output);
        }

        Assert.Matches($"SETTLER_ROLE to {settler} \\(settler-key\\) on DividendDistributor 0x", output);
        Assert.Contains("governance proposal", output, StringComparison.Ordinal);
        Assert.DoesNotContain("[deploy]", output, StringComparison.Ordinal);
        Assert.Equal(block, (await web3.Eth.Blocks.GetBlockNumber.SendRequestAsync()).Value);

        // Ops put back the keys whose addresses hold the roles: the hook is content and still deploys nothing.
        vault.Store("relayer-key", HardhatAccounts.PrivateKey(1));
        vault.Store("challenger-key", HardhatAccounts.PrivateKey(2));
        vault.Store("settler-key", HardhatAccounts.PrivateKey(3));

        var (again, againOutput) = await HookRun.RunAsync(VaultSettings(vault), vault.Bin);

        Assert.True(again == 0, againOutput);
        Assert.Contains("the platform keys in the vault hold their roles on chain", againOutput, StringComparison.Ordinal);
        Assert.Equal(block, (await web3.Eth.Blocks.GetBlockNumber.SendRequestAsync()).Value);
    }

    [Fact]
    public async Task Postprovision_VaultRefusesWhileTheRolePropagates_RetriesThenDeploys()
    {
        using var vault = new FakeKeyVault();
        vault.Store("deployer-key", HardhatAccounts.PrivateKey(5), FakeKeyVault.OpsVault);
        vault.Forbid(3);
        var settings = new Dictionary<string, string>(VaultSettings(vault)) { ["PV_HOOK_RBAC_WAIT_SECONDS"] = "60" };

        var (exit, output) = await HookRun.RunAsync(settings, vault.Bin);

        Assert.True(exit == 0, output + vault.Calls);
        Assert.Contains("for want of a role", output, StringComparison.Ordinal);
        Assert.Equal(4, vault.Calls.Split('\n').Count(l => l.Contains("--name deployer-key", StringComparison.Ordinal)));
        Assert.NotNull(vault.Secret("settler-key"));
        Assert.True(File.Exists(Path.Combine(Deployments, "31337.json")), output);
    }

    [Fact]
    public async Task Postprovision_VaultKeepsRefusing_FailsAfterTheWaitNamingTheRole()
    {
        using var vault = new FakeKeyVault();
        vault.Forbid(1000);
        var settings = new Dictionary<string, string>(VaultSettings(vault)) { ["PV_HOOK_RBAC_WAIT_SECONDS"] = "2" };

        var (exit, output) = await HookRun.RunAsync(settings, vault.Bin);

        Assert.NotEqual(0, exit);
        Assert.Contains("still refuses this user", output, StringComparison.Ordinal);
        Assert.Contains("Key Vault Secrets Officer", output, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(Deployments));
    }

    private Dictionary<string, string> Settings() => new()
    {
        ["PV_CHAIN_ID"] = "31337",
        ["PV_RPC_URL"] = Node.RpcUrl.ToString().TrimEnd('/'),
        ["PV_DEPLOYMENTS_DIR"] = Deployments,
    };

    private Dictionary<string, string> VaultSettings(FakeKeyVault vault) => new(Settings())
    {
        ["AZURE_KEY_VAULT_NAME"] = FakeKeyVault.AppVault,
        ["AZURE_OPS_KEY_VAULT_NAME"] = FakeKeyVault.OpsVault,
        ["FAKE_VAULT"] = vault.Secrets,
    };
}
