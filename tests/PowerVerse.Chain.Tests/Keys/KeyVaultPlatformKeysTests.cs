using Azure;
using PowerVerse.Chain.Keys;
using PowerVerse.Chain.Tests.Support;

namespace PowerVerse.Chain.Tests.Keys;

/// <summary>The Key Vault store over a fake <c>SecretClient</c> (the service cannot run here).</summary>
public sealed class KeyVaultPlatformKeysTests
{
    [Fact]
    public async Task GetKeyAsync_SecretsPresent_KeysOfTheRolesFetchedOnce()
    {
        var client = new FakeSecretClient(new Dictionary<string, string>
        {
            ["relayer-key"] = TestData.PrivateKey(1),
            ["challenger-key"] = TestData.PrivateKey(2)[2..],
            ["settler-key"] = TestData.PrivateKey(3),
        });
        var keys = new KeyVaultPlatformKeys(client);

        var relayer = await keys.GetKeyAsync(PlatformRole.Relayer);
        var again = await keys.GetKeyAsync(PlatformRole.Relayer);
        var challenger = await keys.GetKeyAsync(PlatformRole.Challenger);
        var settler = await keys.GetKeyAsync(PlatformRole.Settler);

        Assert.Equal(TestChain.AddressOf(1), relayer.GetPublicAddress());
        Assert.Same(relayer, again);
        Assert.Equal(TestChain.AddressOf(2), challenger.GetPublicAddress());
        Assert.Equal(TestChain.AddressOf(3), settler.GetPublicAddress());
        Assert.Equal(1, client.Reads["relayer-key"]);
    }

    [Fact]
    public async Task GetKeyAsync_SecretMissing_TypedExceptionNamingTheSecret()
    {
        var keys = new KeyVaultPlatformKeys(new FakeSecretClient(new Dictionary<string, string>()));

        var ex = await Assert.ThrowsAsync<PlatformKeyUnavailableException>(() => keys.GetKeyAsync(PlatformRole.Challenger));

        Assert.Equal(PlatformRole.Challenger, ex.Role);
        Assert.Contains("'challenger-key'", ex.Message, StringComparison.Ordinal);
        Assert.IsType<RequestFailedException>(ex.InnerException);
    }

    [Fact]
    public async Task GetKeyAsync_SecretNotAKey_TypedException()
    {
        var keys = new KeyVaultPlatformKeys(new FakeSecretClient(new Dictionary<string, string> { ["settler-key"] = "hunter2" }));

        var ex = await Assert.ThrowsAsync<PlatformKeyUnavailableException>(() => keys.GetKeyAsync(PlatformRole.Settler));

        Assert.Equal(PlatformRole.Settler, ex.Role);
        Assert.DoesNotContain("hunter2", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(PlatformRole.Relayer, "relayer-key")]
    [InlineData(PlatformRole.Challenger, "challenger-key")]
    [InlineData(PlatformRole.Settler, "settler-key")]
    public void SecretName_Role_IsTheDeployedSecretsName(PlatformRole role, string name) =>
        Assert.Equal(name, KeyVaultPlatformKeys.SecretName(role));
}
