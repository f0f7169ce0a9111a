using Nethereum.Signer;

namespace PowerVerse.Chain.Keys;

/// <summary>
/// Registered when neither key store is configured, so an app that never signs (a read-only host, a test) still
/// starts, and one that does sign is told which settings to set.
/// </summary>
internal sealed class UnconfiguredPlatformKeys : IPlatformKeys
{
    public Task<EthECKey> GetKeyAsync(PlatformRole role, CancellationToken cancellationToken = default) =>
        throw new PlatformKeyUnavailableException(role,
            $"No platform key store is configured for the {PlatformKeyText.Name(role)} key: set {PlatformKeysRegistration.KeyVaultUriSetting} " +
            $"(Key Vault, in Azure) or {PlatformKeysRegistration.KeysFileSetting} (a local secrets file).");
}
