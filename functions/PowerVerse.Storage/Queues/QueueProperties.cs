namespace PowerVerse.Storage.Queues;

/// <summary>"Get Queue Metadata": the approximate message count and the user metadata.</summary>
public sealed class QueueProperties
{
    public int ApproximateMessagesCount { get; init; }

    public IDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
}
