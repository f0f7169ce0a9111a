using System.Diagnostics.CodeAnalysis;

namespace PowerVerse.Storage;

/// <summary>
/// An Azure Storage connection string, parsed the way the Azure SDKs read one
/// ("Configure Azure Storage connection strings"): <c>UseDevelopmentStorage=true</c>,
/// account name and key with an endpoint suffix, explicit service endpoints, or a shared access signature.
/// </summary>
public sealed class StorageConnectionString
{
    /// <summary>Azurite's well-known development account (documented, not a secret).</summary>
    internal const string DevelopmentAccountName = "devstoreaccount1";

    internal const string DevelopmentAccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly Uri? _tableEndpoint;
    private readonly Uri? _queueEndpoint;

    private StorageConnectionString(string accountName, string? accountKey, string? sas, Uri? tableEndpoint, Uri? queueEndpoint)
    {
        AccountName = accountName;
        AccountKey = accountKey;
        Sas = sas;
        _tableEndpoint = tableEndpoint;
        _queueEndpoint = queueEndpoint;
    }

    /// <summary>
    /// The account name. A SAS connection string with explicit endpoints names none; then it is read from the
    /// table endpoint (<c>{account}.table.…</c>, or the first path segment of a path-style URI), or is empty.
    /// </summary>
    public string AccountName { get; }

    public string? AccountKey { get; }

    /// <summary>The shared access signature, without a leading '?'.</summary>
    public string? Sas { get; }

    /// <summary>The Table service endpoint; a SAS connection string that names only a QueueEndpoint has none (InvalidOperationException).</summary>
    public Uri TableEndpoint => _tableEndpoint ?? throw Missing("TableEndpoint");

    /// <summary>The Queue service endpoint; a SAS connection string that names only a TableEndpoint has none (InvalidOperationException).</summary>
    public Uri QueueEndpoint => _queueEndpoint ?? throw Missing("QueueEndpoint");

    /// <summary>Parses <paramref name="connectionString"/>; a malformed one throws <see cref="FormatException"/> naming the problem.</summary>
    public static StorageConnectionString Parse(string connectionString)
    {
        var error = TryParseCore(connectionString, out var result);
        return error is null ? result! : throw new FormatException($"Invalid storage connection string: {error}.");
    }

    public static bool TryParse(string connectionString, [NotNullWhen(true)] out StorageConnectionString? result) =>
        TryParseCore(connectionString, out result) is null;

    private static string? TryParseCore(string? text, out StorageConnectionString? result)
    {
        result = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return "it is empty";
        }

        var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                return $"the setting '{Shorten(part)}' is not of the form Name=Value";
            }

            settings[part[..eq].Trim()] = part[(eq + 1)..].Trim();
        }

        if (settings.Count == 0)
        {
            return "it holds no settings";
        }

        return settings.TryGetValue("UseDevelopmentStorage", out var dev)
            ? ParseDevelopment(dev, settings, out result)
            : ParseAccount(settings, out result);
    }

    private static string? ParseDevelopment(string dev, Dictionary<string, string> settings, out StorageConnectionString? result)
    {
        result = null;
        if (!string.Equals(dev, "true", StringComparison.OrdinalIgnoreCase))
        {
            return $"UseDevelopmentStorage must be 'true', not '{Shorten(dev)}'";
        }

        var host = "http://127.0.0.1";
        if (settings.TryGetValue("DevelopmentStorageProxyUri", out var proxy))
        {
            if (!Uri.TryCreate(proxy, UriKind.Absolute, out var proxyUri) || proxyUri.Scheme is not ("http" or "https"))
            {
                return $"DevelopmentStorageProxyUri '{Shorten(proxy)}' is not an absolute http(s) URI";
            }

            host = $"{proxyUri.Scheme}://{proxyUri.Host}";
        }

        // Azurite's fixed ports: 10001 queues, 10002 tables, path-style account segment.
        result = new StorageConnectionString(
            DevelopmentAccountName,
            DevelopmentAccountKey,
            null,
            new Uri($"{host}:10002/{DevelopmentAccountName}"),
            new Uri($"{host}:10001/{DevelopmentAccountName}"));
        return null;
    }

    private static string? ParseAccount(Dictionary<string, string> settings, out StorageConnectionString? result)
    {
        result = null;
        var protocol = settings.GetValueOrDefault("DefaultEndpointsProtocol", "https");
        if (protocol is not ("http" or "https"))
        {
            return $"DefaultEndpointsProtocol '{Shorten(protocol)}' is unknown (expected http or https)";
        }

        var name = settings.GetValueOrDefault("AccountName");
        var key = settings.GetValueOrDefault("AccountKey");
        var sas = settings.GetValueOrDefault("SharedAccessSignature")?.TrimStart('?');
        if (name is { Length: 0 })
        {
            return "AccountName is empty";
        }

        if (key is not null && !IsBase64(key))
        {
            return "AccountKey is not valid base64";
        }

        if (key is null && string.IsNullOrEmpty(sas))
        {
            return "it has neither AccountKey nor SharedAccessSignature";
        }

        if (key is not null && name is null)
        {
            return "AccountKey is given without AccountName";
        }

        var suffix = settings.GetValueOrDefault("EndpointSuffix", "core.windows.net");
        var table = Endpoint(settings, "TableEndpoint", protocol, name, "table", suffix, out var error);
        var queue = error is null ? Endpoint(settings, "QueueEndpoint", protocol, name, "queue", suffix, out error) : null;
        if (error is not null)
        {
            return error;
        }

        if (table is null && queue is null)
        {
            return "AccountName is missing (needed to derive TableEndpoint and QueueEndpoint)";
        }

        result = new StorageConnectionString(name ?? AccountFromEndpoint((table ?? queue)!), key, sas, table, queue);
        return null;
    }

    private static Uri? Endpoint(
        Dictionary<string, string> settings, string setting, string protocol, string? name, string service, string suffix, out string? error)
    {
        error = null;
        if (settings.TryGetValue(setting, out var explicitEndpoint))
        {
            if (Uri.TryCreate(explicitEndpoint, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
            {
                return new Uri(uri.GetLeftPart(UriPartial.Path).TrimEnd('/'));
            }

            error = $"{setting} '{Shorten(explicitEndpoint)}' is not an absolute http(s) URI";
            return null;
        }

        // Without an account name, a SAS connection string may name just the endpoints it is for.
        return name is null ? null : new Uri($"{protocol}://{name}.{service}.{suffix}");
    }

    private static InvalidOperationException Missing(string setting) =>
        new($"The storage connection string names no {setting} and no AccountName to derive one from.");

    private static string AccountFromEndpoint(Uri endpoint)
    {
        var firstLabel = endpoint.Host.Split('.')[0];
        if (endpoint.HostNameType == UriHostNameType.Dns && (endpoint.Host.Contains(".table.", StringComparison.OrdinalIgnoreCase) || endpoint.Host.Contains(".queue.", StringComparison.OrdinalIgnoreCase)))
        {
            return firstLabel;
        }

        var segments = endpoint.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments.Length > 0 ? segments[0] : string.Empty;
    }

    private static bool IsBase64(string value)
    {
        if (value.Length == 0)
        {
            return false;
        }

        Span<byte> buffer = stackalloc byte[value.Length];
        return Convert.TryFromBase64String(value, buffer, out _);
    }

    // Never echo a whole setting back: it may hold a key.
    private static string Shorten(string value) => value.Length <= 24 ? value : value[..24] + "…";
}
