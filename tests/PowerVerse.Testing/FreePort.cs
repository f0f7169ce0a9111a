using System.Net;
using System.Net.Sockets;

namespace PowerVerse.Testing;

/// <summary>Hands out loopback ports that were free a moment ago (another process may take one first: see <see cref="RetryAsync"/>).</summary>
public static class FreePort
{
    /// <summary>Binds port 0 on 127.0.0.1 and returns what the OS chose.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// Starts a server on ports from <see cref="Next"/>, again on new ports when it exits before listening: test
    /// processes running in parallel can take a port between the check and the server's bind (EADDRINUSE).
    /// </summary>
    public static async Task<T> RetryAsync<T>(Func<Task<T>> start, int attempts = 4)
    {
        ArgumentNullException.ThrowIfNull(start);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await start();
            }
            catch (InvalidOperationException) when (attempt < attempts)
            {
                // Exited before listening (ChildProcess.WaitForStartedAsync): most likely a port taken meanwhile.
            }
        }
    }
}
