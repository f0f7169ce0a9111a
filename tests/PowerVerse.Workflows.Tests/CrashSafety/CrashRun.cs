using System.Diagnostics;
using System.Text;
using PowerVerse.Client.Api;
using PowerVerse.Client.Writes;
using PowerVerse.Workflows.Tests.Support;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace PowerVerse.Workflows.Tests.CrashSafety;

/// <summary>
/// One crash case's hosts: a host that kills itself at an activity boundary while it runs the write's workflow, then a
/// host without a crash point on the same storage that takes the workflow over and finishes it. Every host is stopped
/// before the next starts, so each is the task hub's only worker. A failure says what was sent, the workflow as the
/// API shows it, and the output of the killed host and of the one running.
/// </summary>
internal sealed class CrashRun(CrashSafetyFixture stack, ITestOutputHelper output)
{
    /// <summary>The exit status of a process ended by signal 9.</summary>
    public const int KilledBySigkill = 137;

    private static readonly TimeSpan KillPatience = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan WorkflowTimeout = TimeSpan.FromSeconds(180);

    private readonly StringBuilder _gone = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public void Note(string line) => output.WriteLine($"{_clock.Elapsed.TotalSeconds,6:F1} s  {line}");

    /// <summary>Starts a host with <c>LocalHost__KillAt</c> = <paramref name="killAt"/>, posts the write to it and waits until it has killed itself there.</summary>
    public async Task RunUntilKilledAsync(string killAt, PreparedWrite write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var host = await stack.StartCrashHostAsync(killAt);
        try
        {
            Note($"host with LocalHost__KillAt={killAt} listens on {host.Port}");
            await PostAsync(stack.ApiOf(host), write);
            int exit;
            try
            {
                exit = await host.WaitForExitAsync(KillPatience);
            }
            catch (OperationCanceledException)
            {
                throw await FailureAsync($"The host with LocalHost__KillAt={killAt} did not kill itself within {KillPatience}.", write, null, host);
            }

            // The kill line names the instance: the crash must be this write's workflow, not a leftover of another case.
            var line = $"local host: killing itself at {killAt} (instance {write.Id}";
            if (exit != KilledBySigkill || !host.Output.Contains(line, StringComparison.Ordinal))
            {
                throw await FailureAsync($"The host exited with {exit}; expected SIGKILL ({KilledBySigkill}) after '{line}'.", write, null, host);
            }

            Note($"killed itself at {killAt}");
        }
        finally
        {
            Gone(host, $"killed at {killAt}");
            await stack.StopHostAsync(host);
        }
    }

    /// <summary>
    /// Starts a host without a crash point, waits for the write's workflow to finish there (it must complete), and runs
    /// <paramref name="whileUp"/> with its API before stopping it.
    /// </summary>
    public async Task<Workflow> RecoverAsync(PreparedWrite write, Func<PowerVerseApi, Workflow, Task> whileUp)
    {
        ArgumentNullException.ThrowIfNull(whileUp);
        var host = await stack.StartCrashHostAsync();
        try
        {
            Note($"host without crash point listens on {host.Port}");
            var api = stack.ApiOf(host);
            var workflow = await CompletedAsync(api, write);
            await whileUp(api, workflow);
            return workflow;
        }
        finally
        {
            Gone(host, "recovery");
            await stack.StopHostAsync(host);
        }
    }

    /// <summary>Posts the write: 202 with its own id.</summary>
    public async Task PostAsync(PowerVerseApi api, PreparedWrite write)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(write);
        var answer = await api.PostAsync(write);
        if (!answer.IsAccepted || answer.Id != write.Id)
        {
            throw await FailureAsync($"POST {write.Route} answered {answer.Status} {answer.Id} {answer.Problem}; expected 202 with id {write.Id}.", write, api);
        }
    }

    /// <summary>Follows the workflow until it finishes; it must have completed.</summary>
    public async Task<Workflow> CompletedAsync(PowerVerseApi api, PreparedWrite write)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(write);
        var steps = new List<string>();
        var clock = Stopwatch.StartNew();
        Workflow workflow;
        try
        {
            workflow = await api.WaitForWorkflowAsync(write.Id, WorkflowTimeout, w => steps.Add($"{w.Status}/{w.CurrentStep}"));
        }
        catch (TimeoutException e)
        {
            throw await FailureAsync(e.Message, write, api);
        }

        Note($"{workflow.Name} {workflow.Status} {clock.Elapsed.TotalSeconds:F1} s after the host started: {string.Join(" → ", steps)}");
        if (!workflow.IsCompleted || workflow.Result is null)
        {
            throw await FailureAsync($"Workflow {workflow.Name} ended {workflow.Status}: {workflow.Failure?.ErrorType}: {workflow.Failure?.ErrorMessage}", write, api);
        }

        return workflow;
    }

    /// <summary>Follows the workflow until it is at <paramref name="step"/>; finishing first, or not getting there in time, fails.</summary>
    public async Task WaitForStepAsync(PowerVerseApi api, PreparedWrite write, string step)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(write);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var workflow = await api.GetWorkflowAsync(write.Id);
            if (workflow?.CurrentStep == step)
            {
                break;
            }

            if (workflow is { IsFinished: true } || clock.Elapsed > WorkflowTimeout)
            {
                throw await FailureAsync($"The workflow never showed step '{step}'.", write, api);
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }

        Note($"workflow at '{step}'");
    }

    /// <summary>A failure with what was sent, the workflow (when a host can be asked) and every host's output.</summary>
    public async Task<XunitException> FailureAsync(string what, PreparedWrite write, PowerVerseApi? api, LocalHostProcess? crashHost = null)
    {
        ArgumentNullException.ThrowIfNull(write);
        var text = new StringBuilder(what).Append("\nrequest: POST ").Append(write.Route).Append(' ').AppendLine(write.Body.ToJson());
        if (api is not null)
        {
            var response = await api.GetAsync("/api/workflows/" + write.Id);
            text.Append("workflow: ").AppendLine(response.Body?.GetRawText() ?? response.Problem?.ToString());
        }

        text.Append(_gone);
        if (crashHost is not null)
        {
            text.Append(Tail(crashHost, "this case's crash host"));
        }

        return new XunitException(text.AppendLine(stack.Logs()).ToString());
    }

    private void Gone(LocalHostProcess host, string what) => _gone.Append(Tail(host, what));

    private static string Tail(LocalHostProcess host, string what)
    {
        var log = host.Output;
        return $"--- local host on {host.Port} ({what}), its last output ---\n{(log.Length <= 6000 ? log : "…" + log[^6000..])}\n";
    }
}
