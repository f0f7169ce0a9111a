using System.Text.Json;
using Azure.Storage.Queues;
using PowerVerse.Client.Accounts;
using PowerVerse.Workflows.Tests.Support;

namespace PowerVerse.Workflows.Tests;

/// <summary>The fixture itself: every part of the stack up, a second host on the same storage, a host killed and restarted.</summary>
[Collection(SharedStackTests.Name)]
public sealed class LocalStackTests(LocalStack stack)
{
    [Fact]
    public async Task Start_WholeStack_ApiAnswersAgentPollsAndPlatformKeysArePrivate()
    {
        var health = await stack.Api.GetAsync("/api/health");
        Assert.Equal("ok", health.Json.GetProperty("status").GetString());

        Assert.True(stack.Agent.IsRunning);
        var queue = new QueueClient(stack.Storage.ConnectionString, "agent-" + stack.Agent.Address[2..].ToLowerInvariant());
        Assert.True(await queue.ExistsAsync());

        Assert.Equal(31337, stack.Manifest.ChainId);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(stack.KeysFile));
        }

        using var keys = JsonDocument.Parse(await File.ReadAllTextAsync(stack.KeysFile));
        Assert.Equal(HardhatAccounts.PrivateKey(1), keys.RootElement.GetProperty("relayer").GetString());
        Assert.Equal(HardhatAccounts.PrivateKey(2), keys.RootElement.GetProperty("challenger").GetString());
        Assert.Equal(HardhatAccounts.PrivateKey(3), keys.RootElement.GetProperty("settler").GetString());
    }

    [Fact]
    public async Task StartHost_SecondOnSameStorage_BothAnswerThenOneStops()
    {
        var second = await stack.StartHostAsync(new Dictionary<string, string> { ["Logging__LogLevel__Default"] = "Warning" });
        try
        {
            Assert.NotEqual(stack.Host.Port, second.Port);
            Assert.Equal("ok", (await stack.ApiOf(second).GetAsync("/api/health")).Json.GetProperty("status").GetString());
            Assert.Equal("ok", (await stack.Api.GetAsync("/api/health")).Json.GetProperty("status").GetString());
        }
        finally
        {
            await stack.StopHostAsync(second);
        }

        Assert.DoesNotContain(second, stack.Hosts);
    }

    [Fact]
    public async Task RestartHost_Killed_AnswersAgainOnItsPort()
    {
        var port = stack.Host.Port;
        var restarted = await stack.RestartHostAsync(stack.Host);

        Assert.Same(restarted, stack.Host);
        Assert.Equal(port, restarted.Port);
        Assert.Equal("ok", (await stack.Api.GetAsync("/api/health")).Json.GetProperty("status").GetString());
    }
}
