using PowerVerse.Functions.Hosting;

namespace PowerVerse.LocalHost.Hosting;

/// <summary>Settings of the local host itself (section <c>LocalHost</c>); everything else comes from the app and host.json.</summary>
public sealed class LocalHostOptions
{
    /// <summary>The setting (environment <c>LocalHost__AppPath</c>, or <c>--app DIR</c>) naming a published app to serve.</summary>
    public const string AppPathSetting = "LocalHost:AppPath";

    /// <summary>
    /// A published package of the Functions app (<c>dotnet publish</c> output) to serve instead of the app this host was
    /// built with (<see cref="PublishedApp"/>); unset, the built-in one.
    /// </summary>
    public string? AppPath { get; set; }

    /// <summary>Where the HTTP functions are served: loopback only (<see cref="LoopbackUrls"/>), <c>;</c>-separated.</summary>
    public string Urls { get; set; } = "http://127.0.0.1:7071";

    /// <summary>A static web app's folder (with index.html; the dashboard's published <c>wwwroot</c>) to serve on <see cref="DashboardUrls"/>; unset, none.</summary>
    public string? DashboardPath { get; set; }

    /// <summary>Where the dashboard is served: loopback only; port 0 takes a port the OS picks (logged as <c>Dashboard listening on: URL</c>).</summary>
    public string DashboardUrls { get; set; } = "http://127.0.0.1:7072";

    /// <summary>The JSON-RPC endpoint the dashboard's generated appsettings.json names as <c>LocalChain.RpcUrl</c> (its local test accounts); unset, none.</summary>
    public string? DashboardLocalRpc { get; set; }

    /// <summary>More origins the API answers CORS for besides the dashboard's, comma-separated (<c>http://127.0.0.1:5173</c>).</summary>
    public string? CorsOrigins { get; set; }

    /// <summary>The Durable partition lease: a killed process's leases are taken over after this long.</summary>
    public TimeSpan LeaseInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a task-hub message a worker took stays hidden (Durable's default 5 minutes): a killed process's
    /// messages come back after this. Tests shorten it.
    /// </summary>
    public TimeSpan? MessageVisibilityTimeout { get; set; }

    /// <summary>Overrides host.json's <c>maxQueuePollingInterval</c> (tests poll faster).</summary>
    public TimeSpan? OrchestrationPollingInterval { get; set; }

    /// <summary>
    /// For crash tests only: <c>&lt;ActivityName&gt;:completing</c> or <c>&lt;ActivityName&gt;:completed</c> makes the process
    /// SIGKILL itself at the first completion of that activity, just before or just after the sidecar records it
    /// (<see cref="KillPoint"/>). Unset, nothing of it runs.
    /// </summary>
    public string? KillAt { get; set; }
}
