using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PowerVerse.Chain.Keys;
using PowerVerse.Chain.Tests.Support;

namespace PowerVerse.Chain.Tests.Keys;

/// <summary>Which store <c>AddPlatformKeys</c> picks from configuration (the Key Vault one is built, never called: it cannot run here).</summary>
public sealed class PlatformKeysRegistrationTests
{
    [Fact]
    public void AddPlatformKeys_KeyVaultUri_KeyVaultStoreEvenWithAFile()
    {
        var keys = CreateSut(new() { ["Platform:KeyVaultUri"] = "https://kv-test.vault.azure.net/", ["Platform:KeysFile"] = "/nowhere.json" });

        Assert.IsType<KeyVaultPlatformKeys>(keys);
    }

    [Fact]
    public void AddPlatformKeys_KeyVaultUriWithUserAssignedIdentity_KeyVaultStore()
    {
        var keys = CreateSut(new()
        {
            ["Platform:KeyVaultUri"] = "https://kv-test.vault.azure.net/",
            ["Platform:ManagedIdentityClientId"] = "00000000-0000-0000-0000-000000000001",
        });

        Assert.IsType<KeyVaultPlatformKeys>(keys);
    }

    [Fact]
    public void AddPlatformKeys_MalformedKeyVaultUri_Refused()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Platform:KeyVaultUri"] = "kv-test" }).Build();

        var ex = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddPlatformKeys(configuration));

        Assert.Contains("Platform:KeyVaultUri", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddPlatformKeys_KeysFile_FileStoreReadingIt()
    {
        var path = Path.Combine(Path.GetTempPath(), $"pv-keys-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(new { relayer = TestData.PrivateKey(1) }));
        try
        {
            var keys = CreateSut(new() { ["Platform:KeysFile"] = path });

            Assert.Equal(path, Assert.IsType<FilePlatformKeys>(keys).Path);
            Assert.Equal(TestChain.AddressOf(1), (await keys.GetKeyAsync(PlatformRole.Relayer)).GetPublicAddress());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task AddPlatformKeys_NothingConfigured_KeysThatNameBothSettings()
    {
        var keys = CreateSut([]);

        var ex = await Assert.ThrowsAsync<PlatformKeyUnavailableException>(() => keys.GetKeyAsync(PlatformRole.Relayer));

        Assert.Equal(PlatformRole.Relayer, ex.Role);
        Assert.Contains("Platform:KeyVaultUri", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Platform:KeysFile", ex.Message, StringComparison.Ordinal);
    }

    private static IPlatformKeys CreateSut(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddPlatformKeys(configuration).BuildServiceProvider().GetRequiredService<IPlatformKeys>();
    }
}
