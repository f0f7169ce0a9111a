using System.Security.Cryptography;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PowerVerse.Functions.Hosting;
using PowerVerse.Functions.Orchestrations.Purchase;
using PowerVerse.Functions.ReadModel;
using PowerVerse.Infra.Tests.Support;
using Xunit.Abstractions;

namespace PowerVerse.Infra.Tests.Settings;

/// <summary>
/// Every setting the code reads, found by running the code rather than by naming conventions: the app's services are
/// registered (<see cref="FunctionsApp.AddServices"/>) over a configuration that holds exactly the app settings of the
/// compiled Bicep — Key Vault references and ARM expressions replaced by plausible values, identity settings kept as
/// they are (clients are created lazily, nothing is called) — and every singleton is resolved while the configuration
/// records each key read. None may fail for want of a setting.
/// </summary>
public sealed partial class ResolvedServicesTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pv-settings-").FullName;

    [Fact]
    public async Task AddServices_OverTheBicepAppSettings_ResolvesEverySingletonWithoutAMissingSetting()
    {
        var settings = FunctionApp.AppSettings(await InfraFiles.CompiledAsync());
        var configuration = new RecordingConfiguration(settings.ToDictionary(s => s.Key.Replace("__", ":", StringComparison.Ordinal), s => Plausible(s.Key, s.Value)));
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration.Root);
        FunctionsApp.AddServices(services, configuration.Root);

        var failed = new List<string>();
        await using (var provider = services.BuildServiceProvider())
        {
            foreach (var descriptor in services.Where(Resolvable))
            {
                try
                {
                    _ = descriptor.IsKeyedService
                        ? provider.GetRequiredKeyedService(descriptor.ServiceType, descriptor.ServiceKey)
                        : provider.GetRequiredService(descriptor.ServiceType);
                }
                catch (Exception e) when (MissingSetting().IsMatch(Messages(e)))
                {
                    failed.Add($"{descriptor.ServiceType.Name}: {Messages(e)}");
                }
                catch (InvalidOperationException e) when (e.Message.StartsWith("Unable to resolve service", StringComparison.Ordinal)
                                                          || e.Message.Contains("client registration", StringComparison.Ordinal))
                {
                    // The unnamed Azure clients Microsoft.Extensions.Azure registers: the app creates its clients by
                    // connection name (below), never the "Default" one.
                    // A dependency the Functions host registers (Durable's client, the worker's options), not a setting.
                    output.WriteLine($"not resolvable outside the Functions host: {descriptor.ServiceType.Name} ({e.Message})");
                }
                catch (Exception e) when (e is not Xunit.Sdk.XunitException)
                {
                    // A setting of the wrong shape (a URI that is not one, a key that is not base64) fails here too.
                    failed.Add($"{descriptor.ServiceType.Name}: {Messages(e)}");
                }
            }

            // The storage clients the app creates by connection name (lazily: creating one calls nothing).
            failed.AddRange(Named<TableServiceClient>(provider, ReadModelRegistration.ConnectionName));
            failed.AddRange(Named<QueueServiceClient>(provider, ReadModelRegistration.ConnectionName));
            failed.AddRange(Named<QueueServiceClient>(provider, AgentQueues.ConnectionName));
        }

        output.WriteLine("Keys the app read while its services were resolved:");
        foreach (var key in configuration.Read.Order(StringComparer.OrdinalIgnoreCase))
        {
            output.WriteLine($"  {key}{(configuration.Has(key) ? string.Empty : "   (not set: the code's default)")}");
        }

        Assert.True(failed.Count == 0, "Not set, or not as the code needs it, by infra/app/api.bicep:\n" + string.Join("\n", failed));
        Assert.Contains("Chain:RpcUrl", configuration.Read);
        Assert.Contains("Chain:Manifest", configuration.Read);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    // Singletons only, and not the hosted services: they start polling storage and the chain when resolved.
    private static bool Resolvable(ServiceDescriptor descriptor) =>
        descriptor.Lifetime == ServiceLifetime.Singleton
        && !descriptor.ServiceType.IsGenericTypeDefinition
        && descriptor.ServiceType != typeof(IHostedService)
        && descriptor.ServiceType.Assembly != typeof(ServiceCollection).Assembly;

    private string Plausible(string name, string value)
    {
        if (value.Contains("@Microsoft.KeyVault(", StringComparison.Ordinal))
        {
            return name switch
            {
                "Chain__RpcUrl" => "http://127.0.0.1:9/v2/key",
                "ReadModel__ContinuationKey" => new string('k', 40),
                "AgentAccess__AccountKey" => Convert.ToBase64String(RandomNumberGenerator.GetBytes(64)),
                _ => throw new InvalidOperationException($"The test has no plausible secret for {name}: add one."),
            };
        }

        if (!value.StartsWith('['))
        {
            return value;
        }

        if (ServiceUri().Match(value) is { Success: true } uri)
        {
            var account = value.Contains("agentQueueAccountName", StringComparison.Ordinal) ? "stagenttest" : "sttest";
            return $"https://{account}.{uri.Groups["service"].Value}.core.windows.net/";
        }

        return name switch
        {
            _ when value == "[parameters('identityClientId')]" => "00000000-0000-0000-0000-0000000000c1",
            "Chain__Manifest" => Manifest(),
            "Platform__KeyVaultUri" => "https://kv-test.vault.azure.net/",
            "APPLICATIONINSIGHTS_CONNECTION_STRING" => "InstrumentationKey=00000000-0000-0000-0000-000000000001;IngestionEndpoint=https://127.0.0.1/",
            "APPLICATIONINSIGHTS_AUTHENTICATION_STRING" => "ClientId=00000000-0000-0000-0000-0000000000c1;Authorization=AAD",
            _ => throw new InvalidOperationException($"The test has no plausible value for {name} = {value}: add one."),
        };
    }

    // deployments/<chainId>.json in Azure; here a manifest of the shape deploy.js writes, in the test's folder.
    private string Manifest()
    {
        string[] names =
        [
            "PowerForwarder", "PowerVerseCoin", "TestStablecoin", "PowerTimelock", "PowerGovernor", "PowerParams", "HardwareRegistry",
            "ResourceRegistry", "UsageRights", "RevenueRights", "ProofOfCompute", "ProviderStaking", "ComputeMarket", "DividendDistributor",
        ];
        var path = Path.Combine(_folder, "31337.json");
        File.WriteAllText(path, JsonSerializer.Serialize(new
        {
            chainId = 31337,
            deploymentBlock = 1,
            contracts = names.Select((n, i) => (n, $"0x{i + 1:x40}")).ToDictionary(p => p.n, p => p.Item2),
            roles = new { relayer = $"0x{0xa1:x40}", challenger = $"0x{0xa2:x40}", settler = $"0x{0xa3:x40}" },
        }));
        return path;
    }

    private static IEnumerable<string> Named<TClient>(IServiceProvider provider, string connection)
        where TClient : class
    {
        try
        {
            _ = provider.GetRequiredService<IAzureClientFactory<TClient>>().CreateClient(connection);
            return [];
        }
        catch (Exception e)
        {
            return [$"{typeof(TClient).Name} '{connection}': {Messages(e)}"];
        }
    }

    private static string Messages(Exception e) => e.InnerException is null ? e.Message : $"{e.Message} → {Messages(e.InnerException)}";

    [GeneratedRegex(@"primaryEndpoints\.(?<service>blob|queue|table)\]$")]
    private static partial Regex ServiceUri();

    [GeneratedRegex(@"is not set|not configured|is missing|must be set|must be at least|must hold", RegexOptions.IgnoreCase)]
    private static partial Regex MissingSetting();
}
