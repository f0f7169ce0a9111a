using Microsoft.DurableTask;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PowerVerse.Functions.Indexer;
using PowerVerse.Functions.ReadModel;

namespace PowerVerse.Functions.Hosting;

/// <summary>
/// What the app registers, shared by its two hosts (DESIGN §3): the Functions host through Program.cs, the local
/// host through PowerVerse.LocalHost. One list of services and one list of Durable tasks, declared here only.
/// </summary>
public static class FunctionsApp
{
    public static void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton(TimeProvider.System);
        services.AddReadModel(configuration);
        services.AddChainIndexer(configuration);
    }

    /// <summary>The app's orchestrators and activities (class-based <c>TaskOrchestrator</c>/<c>TaskActivity</c>).</summary>
    public static void AddTasks(DurableTaskRegistry registry) => ArgumentNullException.ThrowIfNull(registry);
}
