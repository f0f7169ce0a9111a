using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;

using PowerVerse.Functions.Hosting;

namespace PowerVerse.LocalHost.Hosting;

/// <summary>The parts of host.json (the same file the Functions host reads) that the local host honours.</summary>
public sealed record HostSettings
{
    /// <summary>Receives of one message before it goes to <c>&lt;queue&gt;-poison</c> (Functions' default 5).</summary>
    public int MaxDequeueCount { get; init; } = 5;

    /// <summary>How long a failed message stays invisible before its next try (Functions' default: none).</summary>
    public TimeSpan VisibilityTimeout { get; init; } = TimeSpan.Zero;

    public int BatchSize { get; init; } = 16;

    /// <summary>Longest wait between polls of an empty queue.</summary>
    public TimeSpan MaxPollingInterval { get; init; } = TimeSpan.FromSeconds(2);

    public string HubName { get; init; } = "PowerVerse";

    public TimeSpan MaxOrchestrationQueuePollingInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// host.json, with the overrides the Functions host also honours: app settings named
    /// <c>AzureFunctionsJobHost__path__to__setting</c> (configuration section <c>AzureFunctionsJobHost</c>).
    /// </summary>
    public static HostSettings Load(string path, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var json = JsonNode.Parse(File.ReadAllText(path), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip })!.AsObject();
        foreach (var (key, value) in configuration.GetSection("AzureFunctionsJobHost").AsEnumerable(makePathsRelative: true))
        {
            if (value is not null)
            {
                Set(json, key.Split(':'), value);
            }
        }

        using var document = JsonDocument.Parse(json.ToJsonString());
        var settings = new HostSettings();
        if (!document.RootElement.TryGetProperty("extensions", out var extensions))
        {
            return settings;
        }

        if (extensions.TryGetProperty("queues", out var queues))
        {
            if (queues.TryGetProperty("messageEncoding", out var encoding) && encoding.GetString() is not "none")
            {
                throw new InvalidOperationException("host.json: the local host reads queue messages as plain text; set extensions.queues.messageEncoding to \"none\".");
            }

            settings = settings with
            {
                MaxDequeueCount = queues.TryGetProperty("maxDequeueCount", out var count) ? Number(count) : settings.MaxDequeueCount,
                VisibilityTimeout = queues.TryGetProperty("visibilityTimeout", out var visibility) ? TimeSpan.Parse(visibility.GetString()!, System.Globalization.CultureInfo.InvariantCulture) : settings.VisibilityTimeout,
                BatchSize = queues.TryGetProperty("batchSize", out var batch) ? Number(batch) : settings.BatchSize,
                MaxPollingInterval = queues.TryGetProperty("maxPollingInterval", out var polling) ? TimeSpan.Parse(polling.GetString()!, System.Globalization.CultureInfo.InvariantCulture) : settings.MaxPollingInterval,
            };
        }

        if (extensions.TryGetProperty("durableTask", out var durable))
        {
            settings = settings with
            {
                HubName = durable.TryGetProperty("hubName", out var hub) ? hub.GetString()! : settings.HubName,
                MaxOrchestrationQueuePollingInterval = durable.TryGetProperty("storageProvider", out var provider) && provider.TryGetProperty("maxQueuePollingInterval", out var interval)
                    ? TimeSpan.Parse(interval.GetString()!, System.Globalization.CultureInfo.InvariantCulture)
                    : settings.MaxOrchestrationQueuePollingInterval,
            };
        }

        return settings;
    }

    private static void Set(JsonObject json, string[] path, string value)
    {
        var node = json;
        foreach (var name in path[..^1])
        {
            node = node[name] as JsonObject ?? (JsonObject)(node[name] = new JsonObject());
        }

        node[path[^1]] = value;
    }

    // An override arrives as text ("5"); host.json has numbers.
    private static int Number(JsonElement value) =>
        value.ValueKind == JsonValueKind.String ? int.Parse(value.GetString()!, System.Globalization.CultureInfo.InvariantCulture) : value.GetInt32();
}
