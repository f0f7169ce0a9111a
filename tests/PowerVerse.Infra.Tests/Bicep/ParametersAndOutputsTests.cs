using PowerVerse.Infra.Tests.Support;

namespace PowerVerse.Infra.Tests.Bicep;

/// <summary>What azd passes in (main.parameters.json) and reads back (upper-case outputs into the azd environment).</summary>
public sealed class ParametersAndOutputsTests
{
    [Fact]
    public async Task Outputs_AreUpperCase_AndIncludeWhatTheHookAndTheReadmeUse()
    {
        var outputs = (await InfraFiles.CompiledAsync()).Root.GetProperty("outputs").EnumerateObject().ToList();

        Assert.All(outputs, o => Assert.Equal(o.Name.ToUpperInvariant(), o.Name));
        var names = outputs.Select(o => o.Name).ToList();
        string[] required =
        [
            "AZURE_KEY_VAULT_NAME", "AZURE_KEY_VAULT_ENDPOINT", "AZURE_OPS_KEY_VAULT_NAME", "AZURE_FUNCTION_APP_NAME", "AZURE_FUNCTION_URI",
            "AZURE_AGENT_QUEUE_ACCOUNT", "AZURE_STORAGE_ACCOUNT_NAME", "APPLICATIONINSIGHTS_CONNECTION_STRING",
            "AZURE_MANAGED_IDENTITY_CLIENT_ID", "PV_CHAIN_ID", "AZURE_STATIC_WEB_APP_NAME", "AZURE_STATIC_WEB_APP_URL", "AZURE_DASHBOARD_URL",
        ];
        Assert.All(required, name => Assert.Contains(name, names));
        Assert.All(outputs, o => Assert.NotEqual("securestring", o.Value.GetProperty("type").GetString()));
    }

    [Fact]
    public async Task FunctionUri_EndsInTheApiRoutePrefix()
    {
        var api = (await InfraFiles.CompiledAsync()).Module("api");

        Assert.Equal("[format('https://{0}/api', reference(resourceId('Microsoft.Web/sites', parameters('name')), '2024-04-01').defaultHostName)]",
            api.GetProperty("outputs").GetProperty("uri").GetProperty("value").GetString());
    }

    [Fact]
    public async Task ParametersFile_CoversEveryRequiredParameter_FromAzdEnvironmentValues()
    {
        var template = (await InfraFiles.CompiledAsync()).Root.GetProperty("parameters");
        using var file = InfraFiles.ReadJson("infra", "main.parameters.json");
        var given = file.RootElement.GetProperty("parameters").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.GetProperty("value").GetString()!, StringComparer.Ordinal);

        Assert.All(given.Keys, name => Assert.True(template.TryGetProperty(name, out _), $"main.bicep has no parameter '{name}'."));
        foreach (var parameter in template.EnumerateObject().Where(p => !p.Value.TryGetProperty("defaultValue", out _)))
        {
            Assert.True(given.ContainsKey(parameter.Name), $"main.parameters.json does not pass the required parameter '{parameter.Name}'.");
        }

        Assert.Equal("${AZURE_ENV_NAME}", given["environmentName"]);
        Assert.Equal("${AZURE_LOCATION}", given["location"]);
        Assert.Equal("${AZURE_PRINCIPAL_ID}", given["principalId"]);
        Assert.Equal("${PV_CHAIN_ID}", given["chainId"]);
        Assert.Equal("${PV_RPC_URL}", given["rpcUrl"]);
        Assert.StartsWith("${PV_MAX_INSTANCES", given["maximumInstanceCount"], StringComparison.Ordinal);
        Assert.Equal("${AZURE_PRINCIPAL_TYPE=User}", given["principalType"]);
        Assert.Equal("${AZURE_STATIC_WEB_APP_LOCATION}", given["staticWebAppLocation"]);
        Assert.Equal("${AZURE_STATIC_WEB_APP_SKU=Free}", given["staticWebAppSku"]);
        Assert.Equal(["User", "ServicePrincipal"], template.GetProperty("principalType").GetProperty("allowedValues").EnumerateArray().Select(v => v.GetString()));
        // azd reads the vault's continuation-key back when it exists, so a provision keeps the key (and paging tokens).
        Assert.Equal("$(secretOrRandomPassword ${AZURE_KEY_VAULT_NAME} continuation-key)", given["continuationKey"]);
    }

    [Fact]
    public void Abbreviations_NameEveryPrefixMainBicepUses()
    {
        using var abbreviations = InfraFiles.ReadJson("infra", "abbreviations.json");
        var main = File.ReadAllText(InfraFiles.MainBicep);

        foreach (var used in System.Text.RegularExpressions.Regex.Matches(main, @"abbrs\.(\w+)").Select(m => m.Groups[1].Value).Distinct())
        {
            Assert.True(abbreviations.RootElement.TryGetProperty(used, out _), $"abbreviations.json has no '{used}'.");
        }
    }
}
