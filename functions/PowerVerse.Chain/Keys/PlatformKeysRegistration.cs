using Azure.Core;
using Azure.Identity;
using Azure.Security.KeyVault.Secrets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace PowerVerse.Chain.Keys;

/// <summary>Registers the one <see cref="IPlatformKeys"/> the configuration names (DESIGN §3).</summary>
public static class PlatformKeysRegistration
{
    /// <summary>The vault's URI, e.g. <c>https://kv-powerverse.vault.azure.net/</c>: keys from Key Vault.</summary>
    public const string KeyVaultUriSetting = "Platform:KeyVaultUri";

    /// <summary>The client id of a user-assigned managed identity to read the vault with (else DefaultAzureCredential).</summary>
    public const string ManagedIdentityClientIdSetting = "Platform:ManagedIdentityClientId";

    /// <summary>The path of the local secrets file (<see cref="FilePlatformKeys"/>).</summary>
    [LocalStackSetting]
    public const string KeysFileSetting = "Platform:KeysFile";

    /// <summary>
    /// Key Vault when <c>Platform:KeyVaultUri</c> is set, read with the user-assigned identity
    /// <c>Platform:ManagedIdentityClientId</c> if given, else with <see cref="DefaultAzureCredential"/>; otherwise the
    /// file at <c>Platform:KeysFile</c>; otherwise keys that throw <see cref="PlatformKeyUnavailableException"/>
    /// naming both settings. Nothing is read until a key is first asked for.
    /// </summary>
    /// <exception cref="InvalidOperationException"><c>Platform:KeyVaultUri</c> is not an absolute URI.</exception>
    public static IServiceCollection AddPlatformKeys(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        if (configuration[KeyVaultUriSetting] is { Length: > 0 } vault)
        {
            var uri = Uri.TryCreate(vault, UriKind.Absolute, out var parsed)
                ? parsed
                : throw new InvalidOperationException($"{KeyVaultUriSetting} '{vault}' is not an absolute URI.");
            var clientId = configuration[ManagedIdentityClientIdSetting];
            services.AddSingleton<IPlatformKeys>(_ => new KeyVaultPlatformKeys(new SecretClient(uri, Credential(clientId))));
        }
        else if (configuration[KeysFileSetting] is { Length: > 0 } file)
        {
            services.AddSingleton<IPlatformKeys>(new FilePlatformKeys(file));
        }
        else
        {
            services.AddSingleton<IPlatformKeys, UnconfiguredPlatformKeys>();
        }

        return services;
    }

    // Managed identity first (STYLE): a user-assigned one named explicitly, so a host with several never picks another.
    private static TokenCredential Credential(string? clientId) =>
        string.IsNullOrWhiteSpace(clientId)
            ? new DefaultAzureCredential()
            : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId));
}
