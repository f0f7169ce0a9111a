using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Nethereum.Web3;
using PowerVerse.Chain.Deployment;
using PowerVerse.Chain.Keys;
using PowerVerse.Chain.Transactions;
using PowerVerse.Functions.Writes;

namespace PowerVerse.Functions.Orchestrations.Dividends;

/// <summary>The monthly dividend's services: its options (section <c>Dividends</c>), its chain reads and the settler. Needs <c>AddWrites</c>.</summary>
public static class DividendRegistration
{
    public static IServiceCollection AddDividends(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSingleton(configuration.GetSection("Dividends").Get<DividendOptions>() ?? new DividendOptions());
        services.AddSingleton(s => new DividendChain(s.GetRequiredService<IWeb3>(), s.GetRequiredService<DeploymentManifest>(), s.GetRequiredService<DividendOptions>()));
        services.AddSingleton(s => new SettlerSender(
            s.GetRequiredService<IWeb3>(), s.GetRequiredService<IPlatformKeys>(), s.GetRequiredService<Relayer>(),
            s.GetRequiredService<TransactionSenderOptions>(), s.GetRequiredService<TimeProvider>()));
        return services;
    }
}
