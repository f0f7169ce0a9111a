using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using DurableTask.Core;
using DurableTask.Core.History;

namespace PowerVerse.LocalHost.Hosting;

/// <summary>
/// The sidecar's orchestration service with a crash point (<see cref="LocalHostOptions.KillAt"/>): the process SIGKILLs
/// itself just before or just after the sidecar records an activity's completion. Only registered when the option is set.
/// </summary>
/// <remarks>
/// The record is <see cref="IOrchestrationService.CompleteTaskActivityWorkItemAsync"/>, which the sidecar's activity
/// dispatcher calls once the worker has reported the result (gRPC <c>CompleteActivityTask</c>). That gRPC call only
/// hands the result to the dispatcher, which records it a moment later, so the service, not the gRPC call, is where
/// "recorded" can be observed. Everything else is passed through unchanged.
/// <para>
/// The kill also waits until the orchestrator step that scheduled the activity is written. Azure Storage sends a
/// step's messages before it writes the step's history, and a quick activity can finish in between; killed there,
/// the restarted orchestrator runs that step again and schedules the activity a second time: a crash in the
/// orchestrator's step, not at the activity's boundary, and not the same from run to run.
/// </para>
/// </remarks>
internal sealed class KillAtOrchestrationService(IOrchestrationService inner, KillPoint killAt) : DelegatingOrchestrationService(inner)
{
    // Activity tasks of killAt's activity whose scheduling step is being written in this process, by Key.
    private readonly ConcurrentDictionary<string, Task> _scheduling = new(StringComparer.Ordinal);

    public override async Task CompleteTaskActivityWorkItemAsync(TaskActivityWorkItem workItem, TaskMessage responseMessage)
    {
        ArgumentNullException.ThrowIfNull(workItem);
        if (workItem.TaskMessage.Event is not TaskScheduledEvent scheduled || !killAt.Matches(scheduled.Name))
        {
            await base.CompleteTaskActivityWorkItemAsync(workItem, responseMessage);
            return;
        }

        if (_scheduling.TryGetValue(Key(workItem.TaskMessage), out var written))
        {
            await written;
        }

        if (!killAt.AfterRecording)
        {
            KillSelf(workItem);
        }

        await base.CompleteTaskActivityWorkItemAsync(workItem, responseMessage);
        KillSelf(workItem);
    }

    public override async Task CompleteTaskOrchestrationWorkItemAsync(
        TaskOrchestrationWorkItem workItem,
        OrchestrationRuntimeState newOrchestrationRuntimeState,
        IList<TaskMessage>? outboundMessages,
        IList<TaskMessage>? orchestratorMessages,
        IList<TaskMessage>? timerMessages,
        TaskMessage? continuedAsNewMessage,
        OrchestrationState? orchestrationState)
    {
        var keys = (outboundMessages ?? []).Where(m => m.Event is TaskScheduledEvent s && killAt.Matches(s.Name)).Select(Key).ToList();
        var written = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // Registered before the step sends the activity's message, so its completion cannot miss the entry.
        foreach (var key in keys)
        {
            _scheduling[key] = written.Task;
        }

        try
        {
            await base.CompleteTaskOrchestrationWorkItemAsync(
                workItem, newOrchestrationRuntimeState, outboundMessages, orchestratorMessages, timerMessages, continuedAsNewMessage, orchestrationState);
        }
        finally
        {
            // Written or failed: either way no kill waits on it any longer.
            written.SetResult();
            foreach (var key in keys)
            {
                _scheduling.TryRemove(new KeyValuePair<string, Task>(key, written.Task));
            }
        }
    }

    private static string Key(TaskMessage message) =>
        string.Join('|', message.OrchestrationInstance.InstanceId, message.OrchestrationInstance.ExecutionId, message.Event.EventId.ToString(CultureInfo.InvariantCulture));

    private void KillSelf(TaskActivityWorkItem workItem)
    {
        var task = workItem.TaskMessage.Event.EventId.ToString(CultureInfo.InvariantCulture);
        // Straight to stderr rather than through ILogger: the console logger writes on a background thread, which the
        // kill would stop before the line is out. Console.Error flushes every write.
        Console.Error.WriteLine($"local host: killing itself at {killAt} (instance {workItem.TaskMessage.OrchestrationInstance.InstanceId}, task {task})");
        // SIGKILL, as a crash or an OOM kill would: no shutdown, no lease released, no message abandoned.
        // (Environment.FailFast aborts instead, writing a crash report first.) A signal a process sends itself is
        // delivered before kill(2) returns, so nothing after this line runs.
        using var self = Process.GetCurrentProcess();
        self.Kill();
    }
}
