using System.Globalization;
using System.Text.RegularExpressions;
using Azure;
using Azure.Core;
using PowerVerse.Storage.Http;

namespace PowerVerse.Storage.Tables;

public sealed partial class TableClient
{
    /// <summary>The most operations one entity group transaction may hold ("Performing entity group transactions").</summary>
    public const int MaxTransactionActions = 100;

    /// <summary>
    /// Submits an entity group transaction: 1 to 100 operations on distinct entities of one partition, applied
    /// all or none. Each returned response carries that entity's new ETag (also set on the entity).
    /// A rejected transaction throws <see cref="TableTransactionFailedException"/> naming the failing action.
    /// </summary>
    public async Task<Response<IReadOnlyList<Response>>> SubmitTransactionAsync(IEnumerable<TableTransactionAction> actions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actions);
        var list = actions.ToList();
        ValidateTransaction(list);
        var operations = list
            .Select(a => (a, a.ActionType == TableTransactionActionType.Delete ? [] : TableEntityMapper.ToProperties(a.Entity)))
            .ToList();
        var (body, boundary) = TableBatchWriter.Write(Uri, operations);

        var message = _pipeline.CreateMessage(RequestMethod.Post, _endpoint);
        message.Request.Uri.AppendPath("/$batch", escape: false);
        message.Request.Headers.SetValue("Accept", Accept);
        message.Request.Headers.SetValue("DataServiceVersion", "3.0");
        message.Request.Headers.SetValue("Content-Type", "multipart/mixed; boundary=" + boundary);
        message.Request.Content = RequestContent.Create(body);
        var response = await _pipeline.ExecuteAsync(message, cancellationToken).ConfigureAwait(false);

        var parts = TableBatchReader.Read(response.Content.ToString());
        if (parts.FirstOrDefault(p => p.Status >= 400) is { } failed)
        {
            throw Failure(failed, list.Count);
        }

        if (parts.Count != list.Count)
        {
            throw new RequestFailedException(response.Status, $"The transaction answer holds {parts.Count} responses for {list.Count} actions.");
        }

        var results = new List<Response>(parts.Count);
        for (var i = 0; i < parts.Count; i++)
        {
            if (parts[i].ETag is { } etag)
            {
                list[i].Entity.ETag = new ETag(etag);
            }

            results.Add(new TableBatchPartResponse(parts[i], response.ClientRequestId));
        }

        return Response.FromValue<IReadOnlyList<Response>>(results, response);
    }

    private static void ValidateTransaction(List<TableTransactionAction> actions)
    {
        if (actions.Count is 0 or > MaxTransactionActions)
        {
            throw new ArgumentException($"A transaction holds 1 to {MaxTransactionActions} actions, not {actions.Count}.", nameof(actions));
        }

        var partition = actions[0].Entity.PartitionKey;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var action in actions)
        {
            TableKeys.Validate(action.Entity);
            if (!string.Equals(action.Entity.PartitionKey, partition, StringComparison.Ordinal))
            {
                throw new ArgumentException(
                    $"All actions of a transaction must share one partition key; found '{partition}' and '{action.Entity.PartitionKey}'.", nameof(actions));
            }

            if (!seen.Add(action.Entity.RowKey))
            {
                throw new ArgumentException($"A transaction may touch an entity only once; row key '{action.Entity.RowKey}' repeats.", nameof(actions));
            }
        }
    }

    /// <summary>The service's message starts with "index:" of the failing operation (0-based).</summary>
    private static TableTransactionFailedException Failure(TableBatchPart failed, int count)
    {
        var (code, text) = StorageErrorParser.ParseBody(BinaryData.FromString(failed.Body));
        text ??= $"The transaction failed with status {failed.Status}.";
        var match = Regex.Match(text, @"^(\d+):");
        int? index = match.Success && int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < count
            ? i
            : null;
        return new TableTransactionFailedException(
            failed.Status,
            $"The transaction was rejected ({failed.Status} {code}) and nothing was applied: {text}",
            code,
            index);
    }
}
