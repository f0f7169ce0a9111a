using System.Net;
using DurableTask.AzureStorage;
using DurableTask.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

using PowerVerse.Functions.Hosting;

namespace PowerVerse.LocalHost.Hosting;

/// <summary>
/// The Durable Task sidecar in process: the Durable Task SDK's gRPC server (<see cref="TaskHubGrpcServer"/>) on a
/// loopback port, over <see cref="AzureStorageOrchestrationService"/> — the storage backend and task hub format
/// Durable Functions itself uses — on the app's storage. The app's orchestrators and activities run on the SDK
/// worker connected to it, exactly as the Functions host's Durable extension runs them.
/// </summary>
public sealed class DurableSidecar : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly AzureStorageOrchestrationService _service;
    private readonly ILoggerFactory _loggers;

    private DurableSidecar(IHost host, AzureStorageOrchestrationService service, ILoggerFactory loggers, Uri address)
    {
        _host = host;
        _service = service;
        _loggers = loggers;
        Address = address;
    }

    /// <summary>The gRPC address the worker and client connect to.</summary>
    public Uri Address { get; }

    public static async Task<DurableSidecar> StartAsync(string storageConnection, HostSettings settings, LocalHostOptions options)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(options);
        var killAt = options.KillAt is { Length: > 0 } value ? KillPoint.Parse(value) : null;
        var loggers = LoggerFactory.Create(l => l.AddConsole().SetMinimumLevel(LogLevel.Warning));
        var hub = new AzureStorageOrchestrationServiceSettings
        {
            TaskHubName = settings.HubName,
            StorageAccountClientProvider = new StorageAccountClientProvider(storageConnection),
            MaxQueuePollingInterval = options.OrchestrationPollingInterval ?? settings.MaxOrchestrationQueuePollingInterval,
            LeaseInterval = options.LeaseInterval,
            LeaseRenewInterval = options.LeaseInterval / 3,
            LeaseAcquireInterval = options.LeaseInterval / 3,
            WorkerId = $"{Dns.GetHostName()}-{Environment.ProcessId}",
            // The app lease keeps two versions of an app off one task hub during a deployment; a local host is one app,
            // and a killed process's app lease would hold its successor back for a minute.
            UseAppLease = false,
            LoggerFactory = loggers,
        };
        if (options.MessageVisibilityTimeout is { } visibility)
        {
            hub.ControlQueueVisibilityTimeout = visibility;
            hub.WorkItemQueueVisibilityTimeout = visibility;
        }

        var service = new AzureStorageOrchestrationService(hub);
        await service.CreateIfNotExistsAsync();

        // Port 0: the OS picks a free port as the server binds it. (A port found free first and bound after could be
        // taken in between, by another process or by this host's own API.)
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http2));
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggers);
        builder.Services.AddGrpc();
        // Between the sidecar's dispatchers and the service: the duplicate-start filter that Durable's own dispatcher has
        // and the sidecar's lacks, and a crash point when a test asks for one. The client side (start, query, raise
        // events) has neither.
        IOrchestrationService dispatched = new DuplicateStartFilteringOrchestrationService(
            service, loggers.CreateLogger<DuplicateStartFilteringOrchestrationService>());
        if (killAt is not null)
        {
            dispatched = new KillAtOrchestrationService(dispatched, killAt);
        }

        builder.Services.AddSingleton(dispatched);
        builder.Services.AddSingleton<IOrchestrationServiceClient>(service);
        builder.Services.AddSingleton<TaskHubGrpcServer>();
        var app = builder.Build();
        app.MapGrpcService<TaskHubGrpcServer>();
        await app.StartAsync();
        var address = new Uri(app.Urls.Single());
        return new DurableSidecar(app, service, loggers, address);
    }

    public async ValueTask DisposeAsync()
    {
        // The orchestration service first: it releases its partition leases, so the next process need not wait for them.
        // (The server starts it when the worker connects; AzureStorageOrchestrationService.StopAsync throws
        // NullReferenceException if it never was, which only happens when the host stops before the worker connected.)
        try
        {
            await _service.StopAsync(isForced: false);
        }
        catch (NullReferenceException)
        {
        }

        await _host.StopAsync();
        _host.Dispose();
        _loggers.Dispose();
    }
}
