using System.Collections.Concurrent;
using Azure;
using Azure.Identity;
using Azure.Security.KeyVault.Secrets;
using Nethereum.Signer;

namespace PowerVerse.Chain.Keys;

/// <summary>
/// The platform keys in Azure (DESIGN §3): Key Vault secrets <c>relayer-key</c>, <c>challenger-key</c> and
/// <c>settler-key</c>, each the private key as hex, read with the app's managed identity. Each is fetched once and
/// kept for the life of the process (a rotated key takes a restart, as the nonce journal is per account anyway).
/// </summary>
public sealed class KeyVaultPlatformKeys(SecretClient secrets) : IPlatformKeys
{
    private readonly SecretClient _secrets = secrets ?? throw new ArgumentNullException(nameof(secrets));
    private readonly ConcurrentDictionary<PlatformRole, EthECKey> _keys = new();

    /// <summary>The secret that holds <paramref name="role"/>'s key.</summary>
    public static string SecretName(PlatformRole role) => PlatformKeyText.Name(role) + "-key";

    public async Task<EthECKey> GetKeyAsync(PlatformRole role, CancellationToken cancellationToken = default)
    {
        if (_keys.TryGetValue(role, out var cached))
        {
            return cached;
        }

        var name = SecretName(role);
        var source = $"Key Vault secret '{name}' of {_secrets.VaultUri}";
        KeyVaultSecret secret;
        try
        {
            secret = (await _secrets.GetSecretAsync(name, null, cancellationToken)).Value;
        }
        catch (RequestFailedException ex) when (ex.Status is 401 or 403 or 404)
        {
            // Missing, or not readable by this identity: configuration, which a retry does not fix. Other failures
            // (throttling, outages) stay as they are, after the client's own retries, for the caller to retry.
            throw new PlatformKeyUnavailableException(role, $"The {source} cannot be read ({ex.Status} {ex.ErrorCode}).", ex);
        }
        catch (AuthenticationFailedException ex)
        {
            throw new PlatformKeyUnavailableException(role, $"The {source} cannot be read: the app's identity does not authenticate.", ex);
        }

        return _keys.GetOrAdd(role, PlatformKeyText.Parse(role, secret.Value, source));
    }
}
