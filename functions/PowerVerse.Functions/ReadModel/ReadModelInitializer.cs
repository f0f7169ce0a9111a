using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace PowerVerse.Functions.ReadModel;

/// <summary>
/// Creates the read model's tables when the app starts, so a query on a fresh store finds empty tables rather than
/// none. A storage outage at start is logged, not fatal: queries answer as for empty tables until it is back.
/// </summary>
internal sealed partial class ReadModelInitializer(ReadModelTables tables, ILogger<ReadModelInitializer> log) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await tables.CreateIfNotExistsAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is Azure.RequestFailedException or HttpRequestException or AggregateException)
        {
            LogCreateFailed(ex);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(LogLevel.Warning, "Could not create the read model's tables")]
    private partial void LogCreateFailed(Exception exception);
}
