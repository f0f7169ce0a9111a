using Azure.Core;
using Azure.Core.Pipeline;
using PowerVerse.Storage.Http;

namespace PowerVerse.Storage.Tables;

/// <summary>The table-level operations, shared by <see cref="TableServiceClient"/> and <see cref="TableClient"/>.</summary>
internal static class TableService
{
    /// <summary>"Create Table": POST /Tables; 409 TableAlreadyExists means it is already there.</summary>
    public static async Task CreateAsync(HttpPipeline pipeline, Uri endpoint, string name, CancellationToken cancellationToken)
    {
        TableKeys.ValidateTableName(name);
        var message = pipeline.CreateMessage(RequestMethod.Post, endpoint);
        message.Request.Uri.AppendPath("/Tables", escape: false);
        message.Request.Headers.SetValue("Accept", "application/json;odata=minimalmetadata");
        message.Request.Headers.SetValue("DataServiceVersion", "3.0");
        message.Request.Headers.SetValue("Prefer", "return-no-content");
        message.Request.Headers.SetValue("Content-Type", "application/json");
        message.Request.Content = RequestContent.Create(TableEntityJson.Serialize([new("TableName", name)]));
        using var response = await pipeline.ExecuteAsync(message, cancellationToken, r => r.Status == 409 && StorageRequests.ErrorCode(r) == "TableAlreadyExists")
            .ConfigureAwait(false);
    }

    /// <summary>"Delete Table": DELETE /Tables('name'); a missing table (404) is not an error.</summary>
    public static async Task DeleteAsync(HttpPipeline pipeline, Uri endpoint, string name, CancellationToken cancellationToken)
    {
        TableKeys.ValidateTableName(name);
        var message = pipeline.CreateMessage(RequestMethod.Delete, endpoint);
        message.Request.Uri.AppendPath($"/Tables('{name}')", escape: false);
        message.Request.Headers.SetValue("Accept", "application/json;odata=minimalmetadata");
        using var response = await pipeline.ExecuteAsync(message, cancellationToken, r => r.Status == 404).ConfigureAwait(false);
    }
}
