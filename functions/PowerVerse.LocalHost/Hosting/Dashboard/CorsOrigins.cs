namespace PowerVerse.LocalHost.Hosting.Dashboard;

/// <summary>
/// The origins the API answers CORS for: <c>LocalHost:CorsOrigins</c>, and the dashboard's own once it listens (its
/// port may be one the OS picked, known only then).
/// </summary>
internal sealed class CorsOrigins
{
    private volatile string[] _origins;

    public CorsOrigins(string? configured) =>
        _origins = (configured ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(Normalize).ToArray();

    public IReadOnlyList<string> All => _origins;

    public bool IsAllowed(string origin) => _origins.Contains(Normalize(origin), StringComparer.OrdinalIgnoreCase);

    public void Add(IEnumerable<string> origins) => _origins = [.. _origins, .. origins.Select(Normalize)];

    // An origin is scheme://host[:port], without a path: "http://127.0.0.1:7072/" names the same one.
    private static string Normalize(string origin) => origin.TrimEnd('/');
}
