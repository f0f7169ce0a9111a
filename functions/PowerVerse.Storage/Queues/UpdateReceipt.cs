namespace PowerVerse.Storage.Queues;

/// <summary>The answer to "Update Message": the message's new pop receipt and when it becomes visible.</summary>
public sealed class UpdateReceipt
{
    public required string PopReceipt { get; init; }

    public DateTimeOffset NextVisibleOn { get; init; }
}
