using System.Text;
using Azure;
using PowerVerse.Storage.Http;

namespace PowerVerse.Storage.Tables;

/// <summary>
/// Writes the <c>$batch</c> body of an entity group transaction ("Performing entity group transactions"):
/// one multipart/mixed batch holding one changeset, each operation an <c>application/http</c> part.
/// </summary>
internal static class TableBatchWriter
{
    private const string Crlf = "\r\n";

    /// <summary>The body and the batch boundary for the request's Content-Type.</summary>
    public static (byte[] Body, string Boundary) Write(Uri tableUri, IReadOnlyList<(TableTransactionAction Action, IEnumerable<KeyValuePair<string, object?>> Properties)> operations)
    {
        var batch = "batch_" + Guid.NewGuid().ToString("D");
        var changeset = "changeset_" + Guid.NewGuid().ToString("D");
        var text = new StringBuilder()
            .Append("--").Append(batch).Append(Crlf)
            .Append("Content-Type: multipart/mixed; boundary=").Append(changeset).Append(Crlf)
            .Append(Crlf);
        foreach (var (action, properties) in operations)
        {
            text.Append("--").Append(changeset).Append(Crlf)
                .Append("Content-Type: application/http").Append(Crlf)
                .Append("Content-Transfer-Encoding: binary").Append(Crlf)
                .Append(Crlf);
            AppendOperation(text, tableUri, action, properties);
        }

        text.Append("--").Append(changeset).Append("--").Append(Crlf)
            .Append(Crlf)
            .Append("--").Append(batch).Append("--").Append(Crlf);
        return (Encoding.UTF8.GetBytes(text.ToString()), batch);
    }

    private static void AppendOperation(
        StringBuilder text, Uri tableUri, TableTransactionAction action, IEnumerable<KeyValuePair<string, object?>> properties)
    {
        var entity = action.Entity;
        var entityUri = tableUri + TableKeys.EntityPath(entity.PartitionKey, entity.RowKey);
        var (method, uri, ifMatch, hasBody) = action.ActionType switch
        {
            TableTransactionActionType.Add => ("POST", tableUri.ToString(), (string?)null, true),
            TableTransactionActionType.UpdateMerge => (StorageRequests.Merge.Method, entityUri, IfMatch(action.ETag), true),
            TableTransactionActionType.UpdateReplace => ("PUT", entityUri, IfMatch(action.ETag), true),
            TableTransactionActionType.Delete => ("DELETE", entityUri, IfMatch(action.ETag), false),
            TableTransactionActionType.UpsertMerge => (StorageRequests.Merge.Method, entityUri, null, true),
            TableTransactionActionType.UpsertReplace => ("PUT", entityUri, null, true),
            _ => throw new ArgumentOutOfRangeException(nameof(action), action.ActionType, "Unknown transaction action."),
        };
        text.Append(method).Append(' ').Append(uri).Append(" HTTP/1.1").Append(Crlf)
            .Append("Accept: application/json;odata=minimalmetadata").Append(Crlf)
            .Append("DataServiceVersion: 3.0").Append(Crlf);
        if (ifMatch is not null)
        {
            text.Append("If-Match: ").Append(ifMatch).Append(Crlf);
        }

        if (hasBody)
        {
            text.Append("Prefer: return-no-content").Append(Crlf)
                .Append("Content-Type: application/json").Append(Crlf)
                .Append(Crlf)
                .Append(Encoding.UTF8.GetString(TableEntityJson.Serialize(properties)));
        }

        text.Append(Crlf);
    }

    /// <summary>A default ETag means "any version".</summary>
    public static string IfMatch(ETag etag) => etag == default || etag == ETag.All ? "*" : etag.ToString("H");
}
