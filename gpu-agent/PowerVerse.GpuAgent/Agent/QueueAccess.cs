namespace PowerVerse.GpuAgent.Agent;

/// <summary>
/// The agent's current queue clients. Fixed for <c>--storage</c> and the <c>--*-url</c> flags; with <c>--api</c> the
/// renewal swaps in clients with fresh SAS as a whole (one reference, so a reader never sees half of each). Work in hand
/// keeps the clients it started with, whose SAS stays valid for the rest of its lifetime after a renewal.
/// </summary>
internal sealed class QueueAccess(AgentQueues initial)
{
    private AgentQueues _current = initial;

    public AgentQueues Current => Volatile.Read(ref _current);

    public void Replace(AgentQueues queues) => Volatile.Write(ref _current, queues);
}
