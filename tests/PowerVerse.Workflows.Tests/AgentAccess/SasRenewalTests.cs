using System.Diagnostics;
using System.Text.RegularExpressions;
using PowerVerse.Workflows.Tests.Proofs;
using PowerVerse.Workflows.Tests.Support;
using Xunit.Abstractions;

namespace PowerVerse.Workflows.Tests.AgentAccess;

/// <summary>
/// The real gpu-agent run with <c>--api</c> (issue 12, DESIGN §3) against the real local host: it gets its queue SAS
/// from <c>POST /api/agents/sas</c>, renews it at 80 % of a short lifetime, and still takes and answers a challenge after
/// its first SAS has expired.
/// </summary>
[Collection(ProofStackTests.Name)]
public sealed partial class SasRenewalTests(LocalStack stack, ITestOutputHelper output)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(12);

    [Fact]
    public async Task RunWithApi_ShortLifetime_RenewsBeforeExpiryAndAnswersAChallengeAfterTheFirstSasExpired()
    {
        var steps = new ProofSteps(stack, output);
        var provider = new Wallet(stack, 7);
        await using var agent = await GpuAgentProcess.InitAsync(Path.Combine(Path.GetTempPath(), $"pv-sas-agent-{Guid.NewGuid():N}"));
        var device = await agent.AttestAsync(provider.Address, $"GPU-{Guid.NewGuid()}", stack.Manifest["HardwareRegistry"]);
        var (_, vids) = await steps.HardwareAsync(provider, device);

        var started = Stopwatch.StartNew();
        await agent.RunAsync(stack.Host.ApiUrl, Lifetime, stack.Manifest["ProofOfCompute"], heartbeatSeconds: 2);
        while (started.Elapsed < Lifetime + TimeSpan.FromSeconds(2) || Grants(agent.Output) < 2)
        {
            Assert.True(started.Elapsed < TimeSpan.FromSeconds(40), $"no renewal in 40 s:\n{agent.Output}");
            await Task.Delay(250);
        }

        var run = await steps.CompletedAsync(await steps.RequestAsync(provider, vids[0]));

        output.WriteLine(agent.Output);
        Assert.Equal("verified", run.Outcome);
        Assert.True(Grants(agent.Output) >= 2, agent.Output);
        Assert.Contains(" info  sas-granted expires=", agent.Output, StringComparison.Ordinal);
        Assert.Contains(" info  sas-renewed expires=", agent.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("status=403", agent.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("heartbeat-failed", agent.Output, StringComparison.Ordinal);
    }

    private static int Grants(string log) => GrantLine().Count(log);

    [GeneratedRegex(@" info  sas-(granted|renewed) expires=")]
    private static partial Regex GrantLine();
}
