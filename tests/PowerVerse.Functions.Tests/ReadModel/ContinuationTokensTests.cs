using Microsoft.Extensions.Configuration;
using PowerVerse.Functions.ReadModel.Queries;

namespace PowerVerse.Functions.Tests.ReadModel;

public sealed class ContinuationTokensTests
{
    private static readonly ContinuationTokens Tokens = new(new byte[32]);

    [Fact]
    public void Protect_ThenUnprotectSameScope_ReturnsStorageToken()
    {
        var token = Tokens.Protect("market|gpu=5", "1!8!cHJpY2U6ZzA- 1!12!MDAwMQ--");

        Assert.True(Tokens.TryUnprotect("market|gpu=5", token, out var storage));
        Assert.Equal("1!8!cHJpY2U6ZzA- 1!12!MDAwMQ--", storage);
    }

    [Fact]
    public void Unprotect_OtherScope_Refused() =>
        Assert.False(Tokens.TryUnprotect("market|gpu=6", Tokens.Protect("market|gpu=5", "next"), out _));

    [Fact]
    public void Unprotect_OtherKey_Refused() =>
        Assert.False(new ContinuationTokens(Enumerable.Repeat((byte)7, 32).ToArray()).TryUnprotect("s", Tokens.Protect("s", "next"), out _));

    [Fact]
    public void Unprotect_EveryOneCharacterTamper_Refused()
    {
        var token = Tokens.Protect("s", "PartitionKey ne ''");
        for (var i = 0; i < token.Length; i++)
        {
            var tampered = token.ToCharArray();
            tampered[i] = tampered[i] == 'A' ? 'B' : 'A';
            Assert.False(Tokens.TryUnprotect("s", new string(tampered), out _), $"tampered at {i}");
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("abc")]
    [InlineData("a.b.c")]
    [InlineData("!!!.???")]
    [InlineData("UGFydGl0aW9uS2V5.AAAA")]
    public void Unprotect_Garbage_Refused(string token) => Assert.False(Tokens.TryUnprotect("s", token, out _));

    [Fact]
    public void Unprotect_OverLong_RefusedUnread() =>
        Assert.False(Tokens.TryUnprotect("s", new string('a', ContinuationTokens.MaxLength + 1) + "." + "b", out _));

    [Theory]
    [InlineData("aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY")] // azd-style password text, 32 characters
    [InlineData("K7pM2qR9sT4vW8xZ1aB5cD3eF6gH0jLnP2qR4sT6vW8xY0zA1bC3dE5fG7hJ9k=")] // base64 text is text too
    public void FromConfiguration_AnySecretTextOf32Characters_IsTheKeyAsUtf8(string key)
    {
        var tokens = ContinuationTokens.FromConfiguration(Configuration(key));

        var token = tokens.Protect("s", "next");
        Assert.True(new ContinuationTokens(System.Text.Encoding.UTF8.GetBytes(key)).TryUnprotect("s", token, out var storage));
        Assert.Equal("next", storage);
    }

    [Fact]
    public void FromConfiguration_ShorterThan32Characters_Refused()
    {
        var error = Assert.Throws<InvalidOperationException>(() => ContinuationTokens.FromConfiguration(Configuration(new string('x', 31))));
        Assert.Contains(ContinuationTokens.KeySetting, error.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Configuration(string key) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [ContinuationTokens.KeySetting] = key }).Build();
}
