using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace PowerVerse.Dashboard.Services;

/// <summary>The dashboard's services: the API, the chain's addresses and tokens, the GPU models, the wallet and the writes.</summary>
public static class DashboardServices
{
    public static IServiceCollection AddDashboard(this IServiceCollection services, IConfiguration configuration, string baseAddress)
    {
        var settings = DashboardSettings.From(configuration, baseAddress);
        services.AddSingleton(settings);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(new HttpClient { BaseAddress = settings.Api });
        services.AddSingleton<DashboardApi>();
        services.AddSingleton<ChainState>();
        services.AddSingleton<GpuModels>();
        services.AddSingleton<Wallet>();
        services.AddSingleton<ForwarderNonces>();
        services.AddSingleton<Writer>();
        return services;
    }
}
