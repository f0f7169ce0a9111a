using System.Net;
using System.Net.Sockets;

namespace PowerVerse.Testing;

/// <summary>Hands out loopback ports that were free a moment ago.</summary>
public static class FreePort
{
    /// <summary>Binds port 0 on 127.0.0.1 and returns what the OS chose.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
