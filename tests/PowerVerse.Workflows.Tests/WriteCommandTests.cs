using System.Globalization;
using PowerVerse.Testing;
using PowerVerse.Workflows.Tests.Support;

namespace PowerVerse.Workflows.Tests;

/// <summary>The local host's <c>write</c> command (what <c>./pv write</c> runs), as a process against the stack.</summary>
[Collection(SharedStackTests.Name)]
public sealed class WriteCommandTests(LocalStack stack)
{
    [Fact]
    public async Task Write_HardwareWithAgentPayload_PrintsWorkflowStepsAndOutputExit0()
    {
        var provider = new Wallet(stack, 4);
        var device = await stack.Agent.AttestAsync(provider.Address, $"GPU-{Guid.NewGuid()}", stack.Manifest["HardwareRegistry"]);

        var (exit, output) = await WriteAsync("hardware", "--account", "4", "--payload", device.PayloadFile);

        Assert.True(exit == 0, output);
        Assert.Matches("workflow 0x[0-9a-f]{64}", output);
        Assert.Contains("accepted: /api/workflows/0x", output, StringComparison.Ordinal);
        Assert.Contains("completed: HardwareRegistered(hid=", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Write_UsageRightOnUnknownVid_PrintsTheProblemExit1()
    {
        var (exit, output) = await WriteAsync("usage-right", "--account", "4", "--vid", "999999", "--duration", "60");

        Assert.True(exit == 1, output);
        Assert.Contains("refused: 422 call-reverted", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Write_NoSigner_PrintsUsageExit2()
    {
        var (exit, output) = await WriteAsync("claim", "--vid", "1", "--token", "tUSD");

        Assert.Equal(2, exit);
        Assert.Contains("--account N", output, StringComparison.Ordinal);
    }

    private async Task<(int Exit, string Output)> WriteAsync(params string[] arguments)
    {
        var app = RepoPaths.BuildOutput(Path.Combine("functions", "PowerVerse.LocalHost"), "PowerVerse.LocalHost.dll");
        await using var process = ChildProcess.Start(Dotnet.Path,
        [
            app, "write", .. arguments, "--api", stack.Host.ApiUrl.ToString(), "--rpc", stack.Node.RpcUrl.ToString(), "--manifest", stack.ManifestPath,
            "--timeout", WriteRunner.WorkflowTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture),
        ]);
        var exit = await process.WaitForExitAsync(WriteRunner.WorkflowTimeout + TimeSpan.FromSeconds(60));
        return (exit, process.Output);
    }
}
