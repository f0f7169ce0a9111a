using Azure.Core;
using Azure.Core.Pipeline;

namespace PowerVerse.Storage.Http;

/// <summary>Builds the Azure.Core pipeline (retries, logging, diagnostics) with the right authorization policy.</summary>
internal static class StoragePipeline
{
    /// <summary>The scope of Azure Storage for Microsoft Entra tokens ("Authorize with Microsoft Entra ID").</summary>
    public const string TokenScope = "https://storage.azure.com/.default";

    /// <summary>
    /// Table service: 2019-02-02 is the newest version the Table REST API defines (the one Azure.Data.Tables sends).
    /// Queue service: a recent version (2024-08-04) that accepts <c>messagettl=-1</c> and Entra ID tokens.
    /// </summary>
    public static string Version(StorageService service) => service == StorageService.Table ? "2019-02-02" : "2024-08-04";

    public static HttpPipeline FromConnectionString(StorageConnectionString connection, StorageService service, StorageClientOptions? options)
    {
        options ??= new StorageClientOptions();
        HttpPipelinePolicy auth = connection.AccountKey is not null
            ? new SharedKeyPolicy(service, connection.AccountName, connection.AccountKey)
            : new SasPolicy(connection.Sas!);
        return Build(service, options, auth);
    }

    public static HttpPipeline FromCredential(TokenCredential credential, StorageService service, StorageClientOptions? options)
    {
        ArgumentNullException.ThrowIfNull(credential);
        return Build(service, options ?? new StorageClientOptions(), new BearerTokenAuthenticationPolicy(credential, TokenScope));
    }

    public static HttpPipeline FromSas(string sas, StorageService service, StorageClientOptions? options) =>
        Build(service, options ?? new StorageClientOptions(), new SasPolicy(sas));

    private static HttpPipeline Build(StorageService service, StorageClientOptions options, HttpPipelinePolicy auth)
    {
        if (options.NetworkTimeout is { } timeout)
        {
            options.Retry.NetworkTimeout = timeout;
        }

        // A SAS is appended once per call; headers and signatures are renewed on every retry.
        HttpPipelinePolicy[] perCall = auth is SasPolicy ? [auth] : [];
        var headers = new StorageHeadersPolicy(Version(service), options.TimeProvider);
        HttpPipelinePolicy[] perRetry = auth is SasPolicy ? [headers] : [headers, auth];
        return HttpPipelineBuilder.Build(options, perCall, perRetry, new ResponseClassifier());
    }
}
