namespace PowerVerse.Storage.Queues;

/// <summary>A received message ("Get Messages"): invisible to others until <see cref="NextVisibleOn"/>; delete it with its pop receipt.</summary>
public sealed class QueueMessage
{
    public required string MessageId { get; init; }

    public required string PopReceipt { get; init; }

    public required BinaryData Body { get; init; }

    public string MessageText => Body.ToString();

    public long DequeueCount { get; init; }

    public DateTimeOffset? InsertedOn { get; init; }

    public DateTimeOffset? ExpiresOn { get; init; }

    public DateTimeOffset? NextVisibleOn { get; init; }
}
