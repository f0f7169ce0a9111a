using Microsoft.Extensions.DependencyInjection;

namespace PowerVerse.Functions.ReadModel.Queries;

/// <summary>The query classes the HTTP functions delegate to.</summary>
internal static class QueryRegistration
{
    public static IServiceCollection AddReadModelQueries(this IServiceCollection services)
    {
        return services;
    }
}
