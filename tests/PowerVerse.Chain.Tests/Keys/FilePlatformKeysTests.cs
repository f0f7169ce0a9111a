using System.Text.Json;
using PowerVerse.Chain.Keys;
using PowerVerse.Chain.Tests.Support;

namespace PowerVerse.Chain.Tests.Keys;

/// <summary>The local stack's secrets file, with Hardhat's accounts #1–#3 as relayer, challenger and settler.</summary>
public sealed class FilePlatformKeysTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pv-keys-").FullName;

    [Theory]
    [InlineData(PlatformRole.Relayer, 1)]
    [InlineData(PlatformRole.Challenger, 2)]
    [InlineData(PlatformRole.Settler, 3)]
    public async Task GetKeyAsync_GoodFile_KeyOfTheRole(PlatformRole role, int account)
    {
        var keys = new FilePlatformKeys(Write(new { relayer = TestData.PrivateKey(1), challenger = TestData.PrivateKey(2), settler = TestData.PrivateKey(3) }));

        var key = await keys.GetKeyAsync(role);

        Assert.Equal(TestChain.AddressOf(account), key.GetPublicAddress());
    }

    [Fact]
    public async Task GetKeyAsync_FileChangedAfterFirstRead_KeepsWhatItRead()
    {
        var path = Write(new { relayer = TestData.PrivateKey(1) });
        var keys = new FilePlatformKeys(path);
        var first = await keys.GetKeyAsync(PlatformRole.Relayer);

        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(new { relayer = TestData.PrivateKey(2) }));

        Assert.Same(first, await keys.GetKeyAsync(PlatformRole.Relayer));
    }

    [Fact]
    public async Task GetKeyAsync_MissingRole_TypedExceptionNamingRoleAndFile()
    {
        var path = Write(new { relayer = TestData.PrivateKey(1) });
        var keys = new FilePlatformKeys(path);

        var ex = await Assert.ThrowsAsync<PlatformKeyUnavailableException>(() => keys.GetKeyAsync(PlatformRole.Settler));

        Assert.Equal(PlatformRole.Settler, ex.Role);
        Assert.Contains("'settler'", ex.Message, StringComparison.Ordinal);
        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
        // The roles that are there still work.
        Assert.Equal(TestChain.AddressOf(1), (await keys.GetKeyAsync(PlatformRole.Relayer)).GetPublicAddress());
    }

    [Theory]
    [InlineData("0x1234")]
    [InlineData("0xzz6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d")]
    [InlineData("0x0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141")]
    [InlineData("")]
    public async Task GetKeyAsync_BadKey_TypedExceptionThatDoesNotQuoteIt(string bad)
    {
        var keys = new FilePlatformKeys(Write(new { relayer = bad }));

        var ex = await Assert.ThrowsAsync<PlatformKeyUnavailableException>(() => keys.GetKeyAsync(PlatformRole.Relayer));

        Assert.Equal(PlatformRole.Relayer, ex.Role);
        Assert.True(bad.Length == 0 || !ex.Message.Contains(bad, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task GetKeyAsync_KeyWithoutPrefixOrWithSpaces_Accepted()
    {
        var keys = new FilePlatformKeys(Write(new { relayer = " " + TestData.PrivateKey(1)[2..] + "\n" }));

        Assert.Equal(TestChain.AddressOf(1), (await keys.GetKeyAsync(PlatformRole.Relayer)).GetPublicAddress());
    }

    [Theory]
    [InlineData("[1, 2]")]
    [InlineData("{\"relayer\": ")]
    [InlineData("{\"relayer\": 5}")]
    public async Task GetKeyAsync_NotAnObjectOfStrings_TypedException(string text)
    {
        var path = Path.Combine(_folder, "keys.json");
        await File.WriteAllTextAsync(path, text);

        await Assert.ThrowsAsync<PlatformKeyUnavailableException>(() => new FilePlatformKeys(path).GetKeyAsync(PlatformRole.Relayer));
    }

    [Fact]
    public async Task GetKeyAsync_FileWrittenAfterAFailedRead_FoundOnTheNextCall()
    {
        var path = Path.Combine(_folder, "later.json");
        var keys = new FilePlatformKeys(path);

        await Assert.ThrowsAsync<PlatformKeyUnavailableException>(() => keys.GetKeyAsync(PlatformRole.Relayer));
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(new { relayer = TestData.PrivateKey(1) }));

        Assert.Equal(TestChain.AddressOf(1), (await keys.GetKeyAsync(PlatformRole.Relayer)).GetPublicAddress());
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(object keys)
    {
        var path = Path.Combine(_folder, Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, JsonSerializer.Serialize(keys));
        return path;
    }
}
