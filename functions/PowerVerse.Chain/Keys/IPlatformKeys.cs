using Nethereum.Signer;

namespace PowerVerse.Chain.Keys;

/// <summary>
/// Where the platform's signing keys come from (DESIGN §3): Key Vault in Azure, a local secrets file on the local
/// stack. Callers ask by role and never see where the key was kept; <see cref="PlatformKeysRegistration.AddPlatformKeys"/>
/// chooses the source from configuration.
/// </summary>
public interface IPlatformKeys
{
    /// <summary>The key of <paramref name="role"/>.</summary>
    /// <exception cref="PlatformKeyUnavailableException">The role has no key, the key is not 32 bytes of hex, or the store cannot be read.</exception>
    Task<EthECKey> GetKeyAsync(PlatformRole role, CancellationToken cancellationToken = default);
}
