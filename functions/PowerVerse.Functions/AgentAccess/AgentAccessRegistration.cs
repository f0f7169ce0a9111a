using Azure.Storage;
using Azure.Storage.Queues;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PowerVerse.Functions.Orchestrations.Purchase;

namespace PowerVerse.Functions.AgentAccess;

/// <summary>
/// Registers <c>POST /api/agents/sas</c>'s services (DESIGN §3). Needs the <c>AgentQueues</c> storage connection that
/// <c>AddWrites</c> registers and the chain that <c>AddChainIndexer</c> registers.
/// </summary>
public static class AgentAccessRegistration
{
    /// <summary>Azurite's published development account key (the emulator's documented well-known key, not a secret).</summary>
    internal const string DevelopmentStorageKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    public static IServiceCollection AddAgentAccess(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = configuration.GetSection(AgentAccessOptions.SectionName).Get<AgentAccessOptions>() ?? new AgentAccessOptions();
        services.AddSingleton(options);
        services.AddSingleton(s => new RegisteredAgents(
            s.GetRequiredService<Nethereum.Web3.IWeb3>(), s.GetRequiredService<Chain.Deployment.DeploymentManifest>(), s.GetRequiredService<ReadModel.ReadModelTables>(),
            s.GetRequiredService<Indexer.IndexerProgress>()));
        services.AddSingleton(s =>
        {
            var queues = s.GetRequiredService<IAzureClientFactory<QueueServiceClient>>().CreateClient(AgentQueues.ConnectionName);
            // Read on first use: a bad key makes the route answer 503 and log which setting, not fail the app's start.
            return new AgentSasIssuer(queues, new Lazy<StorageSharedKeyCredential>(() => new StorageSharedKeyCredential(queues.AccountName, AccountKey(options, configuration))));
        });
        return services;
    }

    /// <summary>
    /// The key that signs agents' SAS: <c>AgentAccess:AccountKey</c> (Azure, from Key Vault), else the key in the
    /// <c>AgentQueues</c> connection string (the local stack's Azurite).
    /// </summary>
    /// <exception cref="AgentAccessNotConfiguredException">Neither is configured, or the key is not base64: the app cannot issue agent SAS.</exception>
    public static string AccountKey(AgentAccessOptions options, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(configuration);
        if (!string.IsNullOrWhiteSpace(options.AccountKey))
        {
            // An app setting whose Key Vault reference did not resolve holds the literal "@Microsoft.KeyVault(...)".
            return IsBase64(options.AccountKey)
                ? options.AccountKey
                : throw new AgentAccessNotConfiguredException(
                    $"'{AgentAccessOptions.AccountKeySetting}' is not a base64 storage account key"
                    + (options.AccountKey.StartsWith("@Microsoft.KeyVault(", StringComparison.Ordinal)
                        ? ": it is a Key Vault reference the platform did not resolve (the vault, the secret or the app's role on it)."
                        // Nothing of the value itself: a key with a typo is still mostly a secret.
                        : "; its value is not shown."));
        }

        var connection = configuration[AgentQueues.ConnectionName];
        if (!string.IsNullOrWhiteSpace(connection))
        {
            var parts = connection.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1], StringComparer.OrdinalIgnoreCase);
            if (parts.TryGetValue("AccountKey", out var key) && key.Length > 0)
            {
                return IsBase64(key)
                    ? key
                    : throw new AgentAccessNotConfiguredException($"The AccountKey of the '{AgentQueues.ConnectionName}' connection string is not base64.");
            }

            if (parts.TryGetValue("UseDevelopmentStorage", out var development) && development.Equals("true", StringComparison.OrdinalIgnoreCase))
            {
                return DevelopmentStorageKey;
            }
        }

        throw new AgentAccessNotConfiguredException(
            $"Agent SAS cannot be signed: set '{AgentAccessOptions.AccountKeySetting}' (the agent-queue account's key) or give the '{AgentQueues.ConnectionName}' connection string an AccountKey.");
    }

    private static bool IsBase64(string key) => Convert.TryFromBase64String(key, new byte[key.Length], out var length) && length > 0;
}
