using Azure;

namespace PowerVerse.GpuAgent.Agent;

/// <summary>
/// The agent's current queue clients. Fixed for <c>--storage</c> and the <c>--*-url</c> flags; with <c>--api</c> the
/// renewal swaps in clients with fresh SAS as a whole (one reference, so a reader never sees half of each). Every
/// storage call reads <see cref="Current"/> when it is made, so work in hand moves to the new clients at its next call
/// (lease renewal, result, delete); the old SAS, still valid until its own expiry, is simply no longer used.
/// A storage answer of 403 <c>AuthenticationFailed</c> (the account key was rotated, so every SAS signed with the old one
/// is dead) asks the renewal for fresh URLs at once (<see cref="RenewalRequested"/>).
/// </summary>
internal sealed class QueueAccess(AgentQueues initial)
{
    private AgentQueues _current = initial;
    private TaskCompletionSource _renewal = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public AgentQueues Current => Volatile.Read(ref _current);

    /// <summary>Completes when a storage call was refused for its signature since the last <see cref="Replace"/>.</summary>
    public Task RenewalRequested => Volatile.Read(ref _renewal).Task;

    public void Replace(AgentQueues queues)
    {
        Volatile.Write(ref _current, queues);
        Volatile.Write(ref _renewal, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
    }

    /// <summary>
    /// <see cref="StorageFailure.Is"/>, and a 403 <c>AuthenticationFailed</c> among them asks for a renewal: use it in the
    /// exception filters of the agent's storage calls.
    /// </summary>
    public bool Failed(Exception exception)
    {
        if (exception is RequestFailedException { Status: 403, ErrorCode: "AuthenticationFailed" })
        {
            Volatile.Read(ref _renewal).TrySetResult();
        }

        return StorageFailure.Is(exception);
    }
}
