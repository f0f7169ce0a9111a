using System.Text.RegularExpressions;
using PowerVerse.Infra.Tests.Support;
using Xunit.Abstractions;

namespace PowerVerse.Infra.Tests.Settings;

/// <summary>Every setting the code reads is set by Bicep, in the shape Azure needs, and no secret is a plain setting.</summary>
public sealed partial class AppSettingsTests(ITestOutputHelper output)
{
    private const string ClientId = "[parameters('identityClientId')]";

    [Fact]
    public async Task AppSettings_EveryStorageConnectionTheCodeUses_IsReachedByTheIdentity()
    {
        var settings = FunctionApp.AppSettings(await InfraFiles.CompiledAsync());
        var connections = CodeSettings.StorageConnections();
        output.WriteLine($"Storage connections the code uses: {string.Join(", ", connections)}");

        Assert.Contains("AzureWebJobsStorage", connections);
        foreach (var connection in connections)
        {
            Assert.Equal("managedidentity", Setting(settings, $"{connection}__credential"));
            Assert.Equal(ClientId, Setting(settings, $"{connection}__clientId"));
            Assert.Contains("primaryEndpoints.queue", Setting(settings, $"{connection}__queueServiceUri"), StringComparison.Ordinal);
            Assert.DoesNotContain(connection, settings.Keys);
        }
    }

    [Fact]
    public async Task AppSettings_HostAndReadModelConnections_ReachTheAppAccountAndTheAgentsTheirOwn()
    {
        var settings = FunctionApp.AppSettings(await InfraFiles.CompiledAsync());
        var durable = CodeSettings.DurableConnection();

        // Durable Functions keeps its task hub in blobs, queues and tables; the read model and the journal in tables.
        foreach (var service in new[] { "blob", "queue", "table" })
        {
            Assert.Contains($"primaryEndpoints.{service}", Setting(settings, $"{durable}__{service}ServiceUri"), StringComparison.Ordinal);
        }

        Assert.Contains("primaryEndpoints.table", Setting(settings, "ReadModel__tableServiceUri"), StringComparison.Ordinal);
        foreach (var (name, value) in settings.Where(s => s.Key.EndsWith("ServiceUri", StringComparison.Ordinal)))
        {
            var account = name.StartsWith("AgentQueues__", StringComparison.Ordinal) ? "agentQueueAccountName" : "storageAccountName";
            Assert.Contains($"parameters('{account}')", value, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("AgentQueues__tableServiceUri", settings.Keys);
        Assert.DoesNotContain("AgentQueues__blobServiceUri", settings.Keys);
    }

    [Fact]
    public async Task AppSettings_EverySettingConstantOfTheCode_IsSet()
    {
        var settings = FunctionApp.AppSettings(await InfraFiles.CompiledAsync());
        var required = CodeSettings.Settings();
        output.WriteLine("Settings the code reads (…Setting constants):");
        foreach (var (appSetting, constant) in required)
        {
            output.WriteLine($"  {appSetting}  ({constant})");
        }

        Assert.NotEmpty(required);
        var missing = required.Where(s => !settings.ContainsKey(s.AppSetting)).Select(s => $"{s.AppSetting} ({s.Constant})").ToList();
        Assert.True(missing.Count == 0, $"Not set by infra/app/api.bicep: {string.Join(", ", missing)}");
    }

    [Fact]
    public async Task AppSettings_SecretNamedSettings_AreKeyVaultReferences()
    {
        var settings = FunctionApp.AppSettings(await InfraFiles.CompiledAsync());

        var secretNamed = settings.Keys.Where(name => SecretName().IsMatch(name) && name != "APPLICATIONINSIGHTS_CONNECTION_STRING").ToList();
        output.WriteLine($"Secret-named settings: {string.Join(", ", secretNamed)}");
        Assert.Contains("Chain__RpcUrl", secretNamed);
        foreach (var name in secretNamed)
        {
            Assert.Contains("@Microsoft.KeyVault(SecretUri=", settings[name], StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AppSettings_NoValue_HoldsAKeyOrConnectionString()
    {
        var template = await InfraFiles.CompiledAsync();

        foreach (var (name, value) in FunctionApp.AppSettings(template))
        {
            Assert.False(value.Contains("listKeys(", StringComparison.OrdinalIgnoreCase), $"{name} holds an account key.");
            Assert.False(value.Contains("AccountKey=", StringComparison.OrdinalIgnoreCase), $"{name} holds a connection string with a key.");
            Assert.False(value.Contains("InstrumentationKey", StringComparison.Ordinal), $"{name} holds an instrumentation key expression.");
        }

        // listKeys is used once: into the vault's agent-queues-key secret.
        var withKeys = template.Resources.Where(r => r.Json.GetRawText().Contains("listKeys(", StringComparison.Ordinal) && r.Type != "Microsoft.Resources/deployments").ToList();
        var secret = Assert.Single(withKeys);
        Assert.Equal("Microsoft.KeyVault/vaults/secrets", secret.Type);
        Assert.Contains("agent-queues-key", secret.Name, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AppSettings_KeyVaultReferences_ResolveWithTheIdentityToSecretsTheVaultHolds()
    {
        var template = await InfraFiles.CompiledAsync();
        var settings = FunctionApp.AppSettings(template);

        Assert.Equal("@Microsoft.KeyVault(SecretUri=[parameters('rpcUrlUri')])", Unformat(settings["Chain__RpcUrl"]));
        Assert.Equal("@Microsoft.KeyVault(SecretUri=[parameters('continuationKeyUri')])", Unformat(settings["ReadModel__ContinuationKey"]));
        Assert.Equal("@Microsoft.KeyVault(SecretUri=[parameters('agentQueuesKeyUri')])", Unformat(settings["AgentAccess__AccountKey"]));
        Assert.Contains("outputs.rpcUrlUri", FunctionApp.ApiParameter(template, "rpcUrlUri"), StringComparison.Ordinal);
        Assert.Equal("[parameters('identityId')]", FunctionApp.Site(template).At("properties.keyVaultReferenceIdentity").GetString());

        var secrets = template.OfType("Microsoft.KeyVault/vaults/secrets").Select(s => s.Name).ToList();
        foreach (var secret in new[] { "rpc-url", "agent-queues-key", "continuation-key" })
        {
            Assert.Contains(secrets, name => name.Contains($"'{secret}'", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task AppSettings_OnFlexConsumption_LeaveTheRuntimeToFunctionAppConfig()
    {
        var settings = FunctionApp.AppSettings(await InfraFiles.CompiledAsync());

        Assert.DoesNotContain("FUNCTIONS_WORKER_RUNTIME", settings.Keys);
        Assert.DoesNotContain("FUNCTIONS_EXTENSION_VERSION", settings.Keys);
        Assert.Equal("ClientId=[parameters('identityClientId')];Authorization=AAD", Unformat(settings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"]));
        Assert.Equal("deployments/[parameters('chainId')].json", Unformat(settings["Chain__Manifest"]));
    }

    [Fact]
    public async Task AgentQueueAccount_QueuesTheTriggersReadThere_AreCreatedUpFront()
    {
        var template = await InfraFiles.CompiledAsync();
        var queues = template.OfType("Microsoft.Resources/deployments").Single(d => d.Name == "agentQueues")
            .Properties.GetProperty("parameters").GetProperty("sharedQueues").GetProperty("value")
            .EnumerateArray().Select(q => q.GetString()).ToList();

        var triggered = CodeSettings.TriggerQueues("AgentQueues");
        output.WriteLine($"Queues triggered on AgentQueues: {string.Join(", ", triggered)}");
        Assert.NotEmpty(triggered);
        Assert.All(triggered, queue => Assert.Contains(queue, queues));
    }

    private static string Setting(IReadOnlyDictionary<string, string> settings, string name) =>
        settings.TryGetValue(name, out var value) ? value : throw new Xunit.Sdk.XunitException($"infra/app/api.bicep does not set {name}.");

    // "[format('a{0}b', parameters('x'))]" → "a[parameters('x')]b": enough to read the simple interpolations Bicep emits.
    private static string Unformat(string expression)
    {
        var match = FormatCall().Match(expression);
        if (!match.Success)
        {
            return expression;
        }

        var arguments = match.Groups["args"].Value.Split(", ", StringSplitOptions.TrimEntries);
        return FormatHole().Replace(match.Groups["format"].Value, hole => $"[{arguments[int.Parse(hole.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)]}]");
    }

    // A setting whose name ends in what names a secret: …Key, …Secret, …RpcUrl, …ConnectionString, …Password.
    [GeneratedRegex("(Key|Secret|RpcUrl|ConnectionString|Password|_KEY|_SECRET|CONNECTION_STRING)$")]
    private static partial Regex SecretName();

    [GeneratedRegex(@"^\[format\('(?<format>[^']*)', (?<args>.*)\)\]$")]
    private static partial Regex FormatCall();

    [GeneratedRegex(@"\{(\d+)\}")]
    private static partial Regex FormatHole();
}
