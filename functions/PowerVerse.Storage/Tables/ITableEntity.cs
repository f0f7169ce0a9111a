using Azure;

namespace PowerVerse.Storage.Tables;

/// <summary>The system properties every Table entity has ("Understanding the Table service data model").</summary>
public interface ITableEntity
{
    string PartitionKey { get; set; }

    string RowKey { get; set; }

    /// <summary>Set by the service on every write; ignored when sending.</summary>
    DateTimeOffset? Timestamp { get; set; }

    /// <summary>The entity's version for optimistic concurrency (<c>If-Match</c>).</summary>
    ETag ETag { get; set; }
}
