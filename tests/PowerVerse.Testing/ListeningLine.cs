namespace PowerVerse.Testing;

/// <summary>
/// The line a server the tests start prints once it listens, and the URL in it: a server told to listen on port 0 gets
/// its port from the OS as it binds, so no other process can take it first, and the line is its own.
/// </summary>
public static class ListeningLine
{
    /// <summary>ASP.NET Core's own line (the local host's API, a worker host).</summary>
    public const string Server = "Now listening on: ";

    /// <summary>The local host's dashboard endpoint (DashboardServer.ListeningMessage).</summary>
    public const string Dashboard = "Dashboard listening on: ";

    /// <summary>The URL after <paramref name="marker"/> in <paramref name="line"/>, as the root of its site (ending in /).</summary>
    public static Uri Url(string line, string marker)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(marker);
        return new Uri(line[(line.IndexOf(marker, StringComparison.Ordinal) + marker.Length)..].Trim().TrimEnd('/') + "/");
    }
}
