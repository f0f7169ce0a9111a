namespace PowerVerse.Storage.Queues;

/// <summary>A message seen by "Peek Messages": its visibility is unchanged and it carries no pop receipt.</summary>
public sealed class PeekedMessage
{
    public required string MessageId { get; init; }

    public required BinaryData Body { get; init; }

    public string MessageText => Body.ToString();

    public long DequeueCount { get; init; }

    public DateTimeOffset? InsertedOn { get; init; }

    public DateTimeOffset? ExpiresOn { get; init; }
}
