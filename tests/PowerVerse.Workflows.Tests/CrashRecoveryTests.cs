using System.Globalization;
using PowerVerse.Testing;
using PowerVerse.Workflows.TestHost;

namespace PowerVerse.Workflows.Tests;

/// <summary>
/// A worker process really killed (SIGKILL) at every step boundary of every step, then restarted:
/// every instance completes exactly once and every step's effect is applied once.
/// </summary>
public sealed class CrashRecoveryTests
{
    private static readonly string[] StepNames = ["reserve", "charge", "complete"];

    [Fact]
    public async Task Worker_KilledAtEveryStepBoundary_CompletesEveryInstanceOnceWithEachEffectOnce()
    {
        await using var harness = await WorkflowHarness.CreateAsync();
        var plan = new Dictionary<string, (string InstanceId, long Amount)>();
        var amount = 0L;
        foreach (var step in StepNames)
        {
            foreach (var checkpoint in Enum.GetValues<WorkflowCheckpoint>())
            {
                var id = await harness.Client.StartAsync(OrderWorkflow.WorkflowName, new OrderInput(TimerMilliseconds: 200));
                await harness.Client.RaiseEventAsync(id, OrderWorkflow.ApprovedEvent, new Approval(++amount));
                plan[KillProbe.Point(id, checkpoint, step)] = (id, amount);
            }
        }

        var remaining = new HashSet<string>(plan.Keys);
        var kills = 0;
        for (var run = 0; run < 3 * plan.Count && remaining.Count > 0; run++)
        {
            await using var host = StartHost(harness, remaining);
            var hit = await WaitForKillPointOrEndAsync(harness, host, plan.Values.Select(p => p.InstanceId));
            await host.KillAsync();
            if (hit is null)
            {
                break;
            }

            Assert.True(remaining.Remove(hit), $"'{hit}' was hit twice or is not in the plan");
            kills++;
        }

        Assert.Empty(remaining);
        Assert.Equal(plan.Count, kills);

        await using (var last = StartHost(harness, []))
        {
            Assert.Null(await WaitForKillPointOrEndAsync(harness, last, plan.Values.Select(p => p.InstanceId)));
        }

        foreach (var (instanceId, approved) in plan.Values)
        {
            var status = await harness.Client.GetStatusAsync(instanceId);
            Assert.Equal(WorkflowRuntimeStatus.Completed, status!.Status);
            Assert.Equal(["sleep", "wait", "event", "complete"], status.History.Select(h => h.Outcome));
            Assert.Equal(4, status.HistoryCount);
            Assert.Equal(30 + approved, status.GetOutput<OrderOutput>()!.Total);
            Assert.Equal((30 + approved, 3), await harness.Ledger.ReadAsync(instanceId, default));
        }
    }

    private static ChildProcess StartHost(WorkflowHarness harness, IEnumerable<string> killPoints)
    {
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        var hostDll = Path.Combine(AppContext.BaseDirectory, "PowerVerse.Workflows.TestHost.dll");
        string[] arguments =
        [
            hostDll, harness.ConnectionString, harness.TableName, harness.QueueName, harness.LedgerTableName,
            ((int)harness.Options.VisibilityTimeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture),
            .. killPoints,
        ];
        return ChildProcess.Start(dotnet, arguments);
    }

    /// <summary>The kill point the host froze at, or null once every instance has ended.</summary>
    private static async Task<string?> WaitForKillPointOrEndAsync(WorkflowHarness harness, ChildProcess host, IEnumerable<string> instanceIds)
    {
        var killPoint = host.WaitForLineAsync("KILLPOINT ", TimeSpan.FromMinutes(2));
        var ended = AllEndedAsync(harness, instanceIds.ToList());
        var first = await Task.WhenAny(killPoint, ended);
        if (first == killPoint)
        {
            return (await killPoint)["KILLPOINT ".Length..].Trim();
        }

        await ended;
        return null;
    }

    private static async Task AllEndedAsync(WorkflowHarness harness, List<string> instanceIds)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while (DateTime.UtcNow < deadline)
        {
            var ended = 0;
            foreach (var id in instanceIds)
            {
                if ((await harness.Client.GetStatusAsync(id))!.IsTerminal)
                {
                    ended++;
                }
            }

            if (ended == instanceIds.Count)
            {
                return;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("Not every instance ended within two minutes.");
    }
}
