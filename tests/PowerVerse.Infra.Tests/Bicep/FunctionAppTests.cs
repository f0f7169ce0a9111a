using PowerVerse.Infra.Tests.Support;

namespace PowerVerse.Infra.Tests.Bicep;

/// <summary>The Flex Consumption plan and the function app (DESIGN §6).</summary>
public sealed class FunctionAppTests
{
    [Fact]
    public async Task Plan_IsFlexConsumptionOnLinux()
    {
        var plan = (await InfraFiles.CompiledAsync()).Single("Microsoft.Web/serverfarms");

        Assert.Equal("FC1", plan.At("sku.name").GetString());
        Assert.Equal("FlexConsumption", plan.At("sku.tier").GetString());
        Assert.True(plan.At("properties.reserved").GetBoolean());
    }

    [Fact]
    public async Task Site_IsALinuxFunctionAppWithTheUserAssignedIdentityOnly()
    {
        var site = FunctionApp.Site(await InfraFiles.CompiledAsync());

        Assert.Equal("functionapp,linux", site.At("kind").GetString());
        Assert.Equal("UserAssigned", site.At("identity.type").GetString());
        var identities = site.At("identity.userAssignedIdentities").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(["[format('{0}', parameters('identityId'))]"], identities);
        Assert.True(site.At("properties.httpsOnly").GetBoolean());
        Assert.Equal("[parameters('identityId')]", site.At("properties.keyVaultReferenceIdentity").GetString());
        Assert.Contains("'azd-service-name', 'api'", site.At("tags").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FunctionAppConfig_RunsDotnetIsolated10_DeployedByTheIdentity()
    {
        var config = FunctionApp.Site(await InfraFiles.CompiledAsync()).At("properties.functionAppConfig");

        Assert.Equal("dotnet-isolated", config.GetProperty("runtime").GetProperty("name").GetString());
        Assert.Equal("10.0", config.GetProperty("runtime").GetProperty("version").GetString());
        var storage = config.GetProperty("deployment").GetProperty("storage");
        Assert.Equal("blobContainer", storage.GetProperty("type").GetString());
        Assert.Contains("primaryEndpoints.blob", storage.GetProperty("value").GetString(), StringComparison.Ordinal);
        Assert.Contains("parameters('deploymentContainerName')", storage.GetProperty("value").GetString(), StringComparison.Ordinal);
        Assert.Equal("UserAssignedIdentity", storage.GetProperty("authentication").GetProperty("type").GetString());
        Assert.Equal("[parameters('identityId')]", storage.GetProperty("authentication").GetProperty("userAssignedIdentityResourceId").GetString());
    }

    [Fact]
    public async Task FunctionAppConfig_Scale_2048MB_MaximumFromAParameter_DurableAlwaysReady()
    {
        var template = await InfraFiles.CompiledAsync();
        var scale = FunctionApp.Site(template).At("properties.functionAppConfig.scaleAndConcurrency");

        Assert.Equal(2048, scale.GetProperty("instanceMemoryMB").GetInt32());
        Assert.Equal("[parameters('maximumInstanceCount')]", scale.GetProperty("maximumInstanceCount").GetString());
        Assert.Equal("[parameters('maximumInstanceCount')]", FunctionApp.ApiParameter(template, "maximumInstanceCount"));
        var alwaysReady = Assert.Single(scale.GetProperty("alwaysReady").EnumerateArray());
        Assert.Equal("durable", alwaysReady.GetProperty("name").GetString());
        Assert.Equal(1, alwaysReady.GetProperty("instanceCount").GetInt32());
    }

    [Fact]
    public async Task Template_AllResourcesInTheResourceGroup_CarryTheAzdEnvironmentTag()
    {
        var template = await InfraFiles.CompiledAsync();

        var group = template.Single("Microsoft.Resources/resourceGroups");
        Assert.Equal("[format('{0}{1}', variables('abbrs').resourcesResourceGroups, parameters('environmentName'))]", group.Name);
        using (var abbreviations = InfraFiles.ReadJson("infra", "abbreviations.json"))
        {
            Assert.Equal("rg-", abbreviations.RootElement.GetProperty("resourcesResourceGroups").GetString());
        }

        Assert.Equal("[variables('tags')]", group.At("tags").GetString());
        Assert.Equal(
            "[toLower(uniqueString(subscription().id, parameters('environmentName'), parameters('location')))]",
            template.Root.GetProperty("variables").GetProperty("resourceToken").GetString());

        // Every tracked resource is tagged (with the tags object passed down from main.bicep).
        var tracked = template.Resources.Where(r => r.Json.TryGetProperty("location", out _) && r.Module != "main").ToList();
        Assert.NotEmpty(tracked);
        Assert.All(tracked, r => Assert.True(r.Json.TryGetProperty("tags", out _), $"{r.Type} in {r.Module} has no tags."));
        var modules = template.OfType("Microsoft.Resources/deployments").Where(d => d.Properties.GetProperty("parameters").TryGetProperty("tags", out _)).ToList();
        Assert.All(modules, m => Assert.Equal("[variables('tags')]", m.Properties.GetProperty("parameters").GetProperty("tags").GetProperty("value").GetString()));
        Assert.Equal("[parameters('environmentName')]", template.Root.GetProperty("variables").GetProperty("tags").GetProperty("azd-env-name").GetString());
    }
}
