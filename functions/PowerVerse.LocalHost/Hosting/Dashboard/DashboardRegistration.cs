using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace PowerVerse.LocalHost.Hosting.Dashboard;

/// <summary>
/// The dashboard beside the API (<see cref="DashboardServer"/>) and the API's CORS for browsers on other origins,
/// as Azure's platform CORS answers them for the Functions app: the allowed origins only, methods GET/POST/OPTIONS,
/// headers Content-Type and Authorization, <c>Location</c> exposed (a write's 202 names its workflow there).
/// </summary>
internal static class DashboardRegistration
{
    private const string Policy = "PowerVerse.Api";

    /// <summary>Checks the dashboard's settings and registers what they ask for; nothing when neither a dashboard nor an origin is set.</summary>
    /// <exception cref="InvalidOperationException">The folder has no index.html, or a dashboard URL is not loopback.</exception>
    public static IServiceCollection AddDashboardAndCors(this IServiceCollection services, LocalHostOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var origins = new CorsOrigins(options.CorsOrigins);
        if (!string.IsNullOrWhiteSpace(options.DashboardPath))
        {
            LoopbackUrls.Check("LocalHost:DashboardUrls", options.DashboardUrls);
            if (!File.Exists(Path.Combine(options.DashboardPath, "index.html")))
            {
                throw new InvalidOperationException($"LocalHost:DashboardPath: '{Path.GetFullPath(options.DashboardPath)}' has no index.html (give the dashboard's published wwwroot folder).");
            }

            services.AddSingleton(options);
            services.AddSingleton<IHostedService, DashboardServer>();
        }
        else if (origins.All.Count == 0)
        {
            return services;
        }

        services.AddSingleton(origins);
        services.AddCors(cors => cors.AddPolicy(Policy, policy => policy
            .SetIsOriginAllowed(origins.IsAllowed)
            .WithMethods("GET", "POST", "OPTIONS")
            .WithHeaders("Content-Type", "Authorization")
            .WithExposedHeaders("Location")));
        return services;
    }

    /// <summary>Answers CORS (preflights included) on the API when <see cref="AddDashboardAndCors"/> registered it.</summary>
    public static void UseApiCors(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Services.GetService<CorsOrigins>() is not null)
        {
            app.UseCors(Policy);
        }
    }
}
