using PowerVerse.Testing;

namespace PowerVerse.Storage.Tests;

/// <summary>Endpoints on a loopback port nothing listens on: any request there would fail with a connection error, not the exception a test expects.</summary>
internal static class DeadEndpoint
{
    private static readonly Lazy<int> Port = new(FreePort.Next);

    public static Uri Table => new($"http://127.0.0.1:{Port.Value}/{AzuriteServer.AccountName}");

    public static Uri Queue => new($"http://127.0.0.1:{Port.Value}/{AzuriteServer.AccountName}");

    public static string ConnectionString(string? key = null) =>
        $"DefaultEndpointsProtocol=http;AccountName={AzuriteServer.AccountName};AccountKey={key ?? AzuriteServer.AccountKey};TableEndpoint={Table};QueueEndpoint={Queue};";
}
