using Azure.Data.Tables;
using Azure.Storage.Queues;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace PowerVerse.Chain.Storage;

/// <summary>
/// Registers a storage connection's Table and Queue service clients (Azure.Data.Tables, Azure.Storage.Queues) with
/// Microsoft.Extensions.Azure, named after the connection and read from configuration alone, in the shapes the
/// Functions host accepts for a connection <c>NAME</c>:
/// <list type="bullet">
/// <item>a connection string, <c>NAME=UseDevelopmentStorage=true</c> or one with explicit endpoints (local);</item>
/// <item>identity (Azure): <c>NAME__tableServiceUri</c>, <c>NAME__queueServiceUri</c>, with <c>NAME__credential=managedidentity</c>
/// and <c>NAME__clientId</c> for a user-assigned identity (the credential is made by Microsoft.Extensions.Azure's factory).</item>
/// </list>
/// Resolve them with <c>IAzureClientFactory&lt;TableServiceClient&gt;.CreateClient(NAME)</c>. Queue messages are plain
/// UTF-8 JSON (no Base64), as host.json's <c>messageEncoding: "none"</c> sets for the queue triggers.
/// </summary>
public static class StorageClientRegistration
{
    public static AzureClientFactoryBuilder AddStorageConnection(this AzureClientFactoryBuilder builder, IConfiguration configuration, string name)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(name);
        builder.AddClient<TableServiceClient, TableClientOptions>((options, services) =>
            ConnectionString(section) is { } connection
                ? new TableServiceClient(connection, options)
                : new TableServiceClient(ServiceUri(section, "tableServiceUri"), Credential(section, services), options))
            .WithName(name);
        builder.AddClient<QueueServiceClient, QueueClientOptions>((options, services) =>
        {
            options.MessageEncoding = QueueMessageEncoding.None;
            return ConnectionString(section) is { } connection
                ? new QueueServiceClient(connection, options)
                : new QueueServiceClient(ServiceUri(section, "queueServiceUri"), Credential(section, services), options);
        }).WithName(name);
        return builder;
    }

    private static string? ConnectionString(IConfigurationSection section) =>
        string.IsNullOrWhiteSpace(section.Value) ? null : section.Value;

    private static Uri ServiceUri(IConfigurationSection section, string key) =>
        Uri.TryCreate(section[key], UriKind.Absolute, out var uri)
            ? uri
            : throw new InvalidOperationException($"Storage connection '{section.Path}' has neither a connection string nor '{section.Path}__{key}'.");

    private static Azure.Core.TokenCredential Credential(IConfigurationSection section, IServiceProvider services) =>
        services.GetRequiredService<AzureComponentFactory>().CreateTokenCredential(section);
}
