using Azure.Data.Tables;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PowerVerse.Chain.Storage;
using PowerVerse.Functions.Http.Api;
using PowerVerse.Functions.ReadModel.Queries;
using PowerVerse.Functions.ReadModel.Writing;

namespace PowerVerse.Functions.ReadModel;

/// <summary>Registers the read model, its writer and its queries on the <c>ReadModel</c> storage connection.</summary>
public static class ReadModelRegistration
{
    /// <summary>The storage connection of the read model's tables (a connection string, or <c>ReadModel__tableServiceUri</c> and identity).</summary>
    public const string ConnectionName = "ReadModel";

    public static IServiceCollection AddReadModel(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddAzureClients(clients => clients.AddStorageConnection(WithFallback(configuration), ConnectionName));
        services.AddSingleton(s => new ReadModelTables(s.GetRequiredService<IAzureClientFactory<TableServiceClient>>().CreateClient(ConnectionName)));
        services.AddSingleton<ReadModelWriter>();
        services.AddSingleton(s => ContinuationTokens.FromConfiguration(configuration));
        services.AddReadModelQueries();
        services.AddHostedService<ReadModelInitializer>();
        services.AddApiProblemDetails();
        return services;
    }

    // With no ReadModel setting at all the read model lives in the app's own storage (AzureWebJobsStorage), as on a
    // fresh local stack; a deployment names its own connection.
    private static IConfiguration WithFallback(IConfiguration configuration)
    {
        if (configuration.GetSection(ConnectionName).Exists() || configuration["AzureWebJobsStorage"] is not { } storage)
        {
            return configuration;
        }

        return new ConfigurationBuilder().AddInMemoryCollection([new(ConnectionName, storage)]).Build();
    }
}
