using Azure;

namespace PowerVerse.Storage.Tables;

/// <summary>
/// An entity group transaction was rejected and nothing of it was applied. The service prefixes its error
/// message with the index of the failing operation ("Performing entity group transactions").
/// </summary>
public sealed class TableTransactionFailedException : RequestFailedException
{
    public TableTransactionFailedException(int status, string message, string? errorCode, int? failedTransactionActionIndex)
        : base(status, message, errorCode, null)
    {
        FailedTransactionActionIndex = failedTransactionActionIndex;
    }

    /// <summary>The index in the submitted actions of the one that failed, when the service named it.</summary>
    public int? FailedTransactionActionIndex { get; }
}
