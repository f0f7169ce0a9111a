namespace PowerVerse.LocalHost.Hosting;

/// <summary>
/// The local host's listening addresses: <c>127.0.0.1</c> only, so nothing it serves — an API that relays with the
/// platform's keys, a dashboard — is reachable from another machine, and the dashboard's origin (CORS matches origins
/// literally) is the one address the API allows.
/// </summary>
internal static class LoopbackUrls
{
    /// <summary>The <c>;</c>-separated URLs of <paramref name="setting"/>; refuses any that is not an http(s) URL on 127.0.0.1.</summary>
    /// <exception cref="InvalidOperationException">A URL is not absolute http(s), or its host is not 127.0.0.1 (<c>0.0.0.0</c>, <c>*</c>, <c>+</c>, a name, <c>[::1]</c>).</exception>
    public static IReadOnlyList<string> Check(string setting, string urls)
    {
        ArgumentNullException.ThrowIfNull(urls);
        var list = urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (list.Length == 0)
        {
            throw new InvalidOperationException($"{setting} is empty: give a loopback URL such as http://127.0.0.1:0.");
        }

        foreach (var url in list)
        {
            // Kestrel's wildcards ("http://*:80", "http://+:80") are not URIs a host can be read from: refused as not loopback.
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || !IsLoopback(uri.Host))
            {
                throw new InvalidOperationException(
                    $"{setting}: '{url}' is not an http(s) URL on 127.0.0.1; the local host listens on 127.0.0.1 only (e.g. http://127.0.0.1:0).");
            }
        }

        return list;
    }

    private static bool IsLoopback(string host) => host == "127.0.0.1";
}
