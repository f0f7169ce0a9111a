using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Worker;
using Azure.Storage.Queues;
using PowerVerse.Chain.Storage;

using PowerVerse.Functions.Hosting;
using PowerVerse.LocalHost.Hosting.Dashboard;

namespace PowerVerse.LocalHost.Hosting;

/// <summary>
/// Runs an isolated-worker Functions app's own function classes without the Functions host (DESIGN §3): HTTP
/// functions on Kestrel, queue and timer functions on listeners with the triggers' semantics, orchestrators and
/// activities on the Durable Task SDK worker over the in-process sidecar. Everything about a function — route,
/// methods, queue, connection, schedule — is read from the function itself.
/// </summary>
public static partial class LocalFunctionsHost
{
    /// <summary>Builds the host for <paramref name="app"/>; start it with <c>RunAsync</c>, dispose the returned sidecar after it stops.</summary>
    public static async Task<(WebApplication Host, DurableSidecar Sidecar)> BuildAsync(
        string[] args, Assembly app, Action<IServiceCollection, IConfiguration> addAppServices, Action<DurableTaskRegistry> addTasks)
    {
        ArgumentNullException.ThrowIfNull(addAppServices);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        var options = builder.Configuration.GetSection("LocalHost").Get<LocalHostOptions>() ?? new LocalHostOptions();
        builder.WebHost.UseUrls(string.Join(';', LoopbackUrls.Check("LocalHost:Urls", options.Urls)));
        builder.Services.AddDashboardAndCors(options);
        var settings = HostSettings.Load(Path.Combine(AppContext.BaseDirectory, "host.json"), builder.Configuration);
        var functions = FunctionCatalog.Discover(app);
        var storage = builder.Configuration["AzureWebJobsStorage"]
            ?? throw new InvalidOperationException("AzureWebJobsStorage is not set: the local host needs a storage connection string.");

        var sidecar = await DurableSidecar.StartAsync(storage, settings, options);
        var channel = Grpc.Net.Client.GrpcChannel.ForAddress(sidecar.Address);

        // The storage SDK logs every request at Information.
        builder.Logging.AddFilter("Azure", LogLevel.Warning);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(settings);
        builder.Services.AddMvcCore();
        addAppServices(builder.Services, builder.Configuration);
        builder.Services.AddDurableTaskWorker(b => b.UseGrpc(channel).AddTasks(addTasks));
        builder.Services.AddDurableTaskClient(b => b.UseGrpc(channel).RegisterDirectly());
        var queueFunctions = functions.Where(f => f.Trigger is QueueFunctionTrigger).ToList();
        builder.Services.AddAzureClients(clients =>
        {
            foreach (var connection in queueFunctions.Select(f => ((QueueFunctionTrigger)f.Trigger).Connection).Distinct(StringComparer.Ordinal))
            {
                clients.AddStorageConnection(builder.Configuration, connection);
            }
        });
        foreach (var function in queueFunctions)
        {
            builder.Services.AddSingleton<IHostedService>(services =>
            {
                var trigger = (QueueFunctionTrigger)function.Trigger;
                var queues = services.GetRequiredService<IAzureClientFactory<QueueServiceClient>>().CreateClient(trigger.Connection);
                return ActivatorUtilities.CreateInstance<QueueTriggerListener>(services, function,
                    queues.GetQueueClient(trigger.QueueName), queues.GetQueueClient(trigger.QueueName + "-poison"));
            });
        }

        foreach (var function in functions.Where(f => f.Trigger is TimerFunctionTrigger))
        {
            builder.Services.AddSingleton<IHostedService>(services => ActivatorUtilities.CreateInstance<TimerTriggerListener>(services, function));
        }

        var host = builder.Build();
        ServingApp(host.Logger, app.GetName().Name, app.Location, AppContext.BaseDirectory);
        // A path no function serves (404) or a method its route does not take (405) gets a body too: the app's
        // IProblemDetailsService writes it when the app registers one (AddProblemDetails), else plain text.
        host.UseStatusCodePages();
        host.UseApiCors();
        HttpFunctionEndpoints.Map(host, functions);
        return (host, sidecar);
    }

    /// <summary>
    /// The app named by <c>LocalHost:AppPath</c> (environment <c>LocalHost__AppPath</c>, or <c>--app DIR</c>) loaded from
    /// its published package, which becomes the base directory; null when none is named.
    /// </summary>
    public static PublishedApp? PublishedAppOf(string[] args)
    {
        var configuration = new ConfigurationBuilder()
            .AddEnvironmentVariables()
            .AddCommandLine(args, new Dictionary<string, string> { ["--app"] = LocalHostOptions.AppPathSetting })
            .Build();
        if (configuration[LocalHostOptions.AppPathSetting] is not { Length: > 0 } path)
        {
            return null;
        }

        var app = PublishedApp.Load(path);
        app.UseAsBaseDirectory();
        return app;
    }

    /// <summary>Builds, runs until stopped (Ctrl-C, SIGTERM), then stops the Durable sidecar.</summary>
    public static async Task RunAsync(string[] args, Assembly app, Action<IServiceCollection, IConfiguration> addAppServices, Action<DurableTaskRegistry> addTasks)
    {
        var (host, sidecar) = await BuildAsync(args, app, addAppServices, addTasks);
        await using (sidecar)
        {
            await host.RunAsync();
        }
    }

    [LoggerMessage(LogLevel.Information, "Serving the Functions app {App} from {Location} (base directory {BaseDirectory})")]
    private static partial void ServingApp(ILogger logger, string? app, string location, string baseDirectory);
}
