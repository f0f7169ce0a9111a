using PowerVerse.Infra.Tests.Support;

namespace PowerVerse.Infra.Tests.Bicep;

/// <summary>Storage, Key Vault and monitoring as DESIGN §3/§6 ask.</summary>
public sealed class ResourceTests
{
    [Fact]
    public async Task AppStorage_RefusesSharedKeysAndPublicBlobs_AndHoldsTheDeploymentContainer()
    {
        var template = await InfraFiles.CompiledAsync();
        var account = template.OfType("Microsoft.Storage/storageAccounts").Single(a => a.Module == "storage");

        Assert.False(account.At("properties.allowSharedKeyAccess").GetBoolean());
        Assert.False(account.At("properties.allowBlobPublicAccess").GetBoolean());
        Assert.Equal("TLS1_2", account.At("properties.minimumTlsVersion").GetString());
        Assert.True(account.At("properties.supportsHttpsTrafficOnly").GetBoolean());
        var container = template.OfType("Microsoft.Storage/storageAccounts/blobServices/containers").Single(c => c.Module == "storage");
        Assert.Equal("None", container.At("properties.publicAccess").GetString());
    }

    [Fact]
    public async Task AgentQueueAccount_IsSeparate_ItsKeyGoesOnlyToKeyVault()
    {
        var template = await InfraFiles.CompiledAsync();
        var account = template.OfType("Microsoft.Storage/storageAccounts").Single(a => a.Module == "agentQueues");

        // The key signs the agents' service SAS (queue SAS cannot be user-delegation SAS), so shared keys stay on here.
        Assert.True(account.At("properties.allowSharedKeyAccess").GetBoolean());
        Assert.False(account.At("properties.allowBlobPublicAccess").GetBoolean());
        Assert.Equal("TLS1_2", account.At("properties.minimumTlsVersion").GetString());
        Assert.Equal(2, template.OfType("Microsoft.Storage/storageAccounts").Count());

        var agentsModule = template.Module("agentQueues").GetRawText();
        Assert.DoesNotContain("listKeys", agentsModule, StringComparison.Ordinal);
        Assert.DoesNotContain("listKeys", template.Root.GetProperty("outputs").GetRawText(), StringComparison.Ordinal);
        foreach (var module in new[] { "identity", "storage", "agentQueues", "keyVault", "monitoring", "rbac", "api", "web" })
        {
            var outputs = template.Module(module).TryGetProperty("outputs", out var o) ? o.GetRawText() : string.Empty;
            Assert.DoesNotContain("listKeys", outputs, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task KeyVault_UsesRbacAndSoftDelete_AndSecretsComeFromSecureParameters()
    {
        var template = await InfraFiles.CompiledAsync();
        // The app's vault and the operators' vault (deployer-key), both in RBAC mode.
        var vaults = template.OfType("Microsoft.KeyVault/vaults").ToList();
        Assert.Equal(["keyVault", "opsKeyVault"], vaults.Select(v => v.Module).Order());
        foreach (var vault in vaults)
        {
            Assert.True(vault.At("properties.enableRbacAuthorization").GetBoolean());
            Assert.True(vault.At("properties.enableSoftDelete").GetBoolean());
            Assert.False(vault.Properties.TryGetProperty("accessPolicies", out _));
        }

        // The operators' vault holds nothing Bicep writes: the deployer key is put there by ops, never by a template.
        Assert.DoesNotContain(template.OfType("Microsoft.KeyVault/vaults/secrets"), s => s.Module == "opsKeyVault");

        var parameters = template.Module("keyVault").GetProperty("parameters");
        Assert.Equal("securestring", parameters.GetProperty("rpcUrl").GetProperty("type").GetString());
        Assert.Equal("securestring", parameters.GetProperty("continuationKey").GetProperty("type").GetString());
        var top = template.Root.GetProperty("parameters");
        Assert.Equal("securestring", top.GetProperty("rpcUrl").GetProperty("type").GetString());
        Assert.Equal("securestring", top.GetProperty("continuationKey").GetProperty("type").GetString());
        // No newGuid() default that would rotate the key, and with it every paging token, on each provision:
        // main.parameters.json passes the vault's key back (secretOrRandomPassword); a new one is filled up to 32+.
        Assert.False(top.GetProperty("continuationKey").TryGetProperty("defaultValue", out _));
        Assert.Equal("securestring", top.GetProperty("continuationKeyFill").GetProperty("type").GetString());
        Assert.Contains("newGuid()", top.GetProperty("continuationKeyFill").GetProperty("defaultValue").GetString(), StringComparison.Ordinal);
        var passed = template.OfType("Microsoft.Resources/deployments").Single(d => d.Name == "keyVault").Properties
            .GetProperty("parameters").GetProperty("continuationKey").GetString();
        Assert.Equal(
            "[if(greaterOrEquals(length(parameters('continuationKey')), 32), createObject('value', parameters('continuationKey')), " +
            "createObject('value', format('{0}{1}', parameters('continuationKey'), parameters('continuationKeyFill'))))]",
            passed);
    }

    [Fact]
    public async Task ApplicationInsights_OnLogAnalytics_WithLocalAuthDisabled()
    {
        var template = await InfraFiles.CompiledAsync();
        var insights = template.Single("Microsoft.Insights/components");

        Assert.True(insights.At("properties.DisableLocalAuth").GetBoolean());
        Assert.Contains("Microsoft.OperationalInsights/workspaces", insights.At("properties.WorkspaceResourceId").GetString(), StringComparison.Ordinal);
        _ = template.Single("Microsoft.OperationalInsights/workspaces");
    }
}
