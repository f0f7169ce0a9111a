using PowerVerse.Testing;

namespace PowerVerse.LocalHost.Tests.TestSupport;

/// <summary>
/// How a test server's start is judged: by the server's own line saying it listens, never by its port accepting a
/// connection (another process can hold that port, and this server then exits with EADDRINUSE).
/// </summary>
public sealed class ChildProcessTests
{
    [Fact]
    public async Task WaitForStarted_ServerPrintsItsLine_Returns()
    {
        await using var server = ChildProcess.Start("/bin/sh", ["-c", "echo starting; echo 'listening at http://127.0.0.1:1234'; sleep 60"]);

        await server.WaitForStartedAsync("listening at http://127.0.0.1:1234", TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task WaitForStarted_ServerExitsFirst_InvalidOperationSoTheStartIsRetried()
    {
        await using var server = ChildProcess.Start("/bin/sh", ["-c", "echo 'listen EADDRINUSE: address already in use 127.0.0.1:1234'; exit 1"]);

        var failed = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            server.WaitForStartedAsync("listening at http://127.0.0.1:1234", TimeSpan.FromSeconds(30)));

        Assert.Contains("exited with 1", failed.Message, StringComparison.Ordinal);
        Assert.Contains("EADDRINUSE", failed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WaitForStarted_StillRunningWithoutTheLine_TimesOut()
    {
        await using var server = ChildProcess.Start("/bin/sh", ["-c", "echo starting; sleep 60"]);

        await Assert.ThrowsAsync<TimeoutException>(() => server.WaitForStartedAsync("listening at", TimeSpan.FromSeconds(1)));
    }
}
