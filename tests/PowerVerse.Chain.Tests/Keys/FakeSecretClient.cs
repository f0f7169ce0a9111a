using System.Collections.Concurrent;
using Azure;
using Azure.Security.KeyVault.Secrets;

namespace PowerVerse.Chain.Tests.Keys;

/// <summary>
/// Key Vault is the one part that cannot run here (STYLE: fakes only at such edges): a <see cref="SecretClient"/>
/// whose virtual <c>GetSecretAsync</c> overloads answer from a dictionary, as the service does (404 SecretNotFound when absent).
/// </summary>
internal sealed class FakeSecretClient(IReadOnlyDictionary<string, string> secrets) : SecretClient
{
    public ConcurrentDictionary<string, int> Reads { get; } = new(StringComparer.Ordinal);

    public override Uri VaultUri { get; } = new("https://kv-test.vault.azure.net/");

    public override Task<Response<KeyVaultSecret>> GetSecretAsync(string name, string? version = null, CancellationToken cancellationToken = default) =>
        Get(name);

    public override Task<Response<KeyVaultSecret>> GetSecretAsync(string name, string? version, SecretContentType? outContentType, CancellationToken cancellationToken = default) =>
        Get(name);

    private Task<Response<KeyVaultSecret>> Get(string name)
    {
        Reads.AddOrUpdate(name, 1, (_, n) => n + 1);
        return secrets.TryGetValue(name, out var value)
            ? Task.FromResult(Response.FromValue(SecretModelFactory.KeyVaultSecret(new SecretProperties(name), value), null!))
            : Task.FromException<Response<KeyVaultSecret>>(new RequestFailedException(404, $"A secret with (name/id) {name} was not found in this key vault.", "SecretNotFound", null));
    }
}
