using System.Text.Json;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using PowerVerse.Domain.Dividends;
using PowerVerse.Functions.Orchestrations.Dividends;

namespace PowerVerse.Functions.Queues;

/// <summary>
/// Runs one month's dividend on demand (operations: a month the timer missed, or a failed run to resume): a message
/// <c>{"period": "yyyymm"}</c> on the <c>dividend-runs</c> queue of the app's storage starts that month's workflow as the
/// timer would. The month must be over in chain time. A message that is not such a request throws, and after the
/// queue's tries lands in <c>dividend-runs-poison</c>.
/// </summary>
public sealed partial class DividendRunsFunction(DividendChain chain, ILogger<DividendRunsFunction> log)
{
    public const string QueueName = "dividend-runs";

    [Function("DividendRuns")]
    public async Task Run([QueueTrigger(QueueName, Connection = "AzureWebJobsStorage")] string message, [DurableClient] DurableTaskClient workflows, CancellationToken cancellationToken)
    {
        var period = Parse(message);
        var (_, now) = await chain.HeadAsync();
        if (period.End > now)
        {
            throw new InvalidDividendRunException($"Month {period} is not over on chain (chain time {now:yyyy-MM-ddTHH:mm:ssZ}).");
        }

        var (id, started) = await DividendRuns.StartAsync(workflows, period, cancellationToken);
        LogStarted(id, started);
    }

    /// <summary>The month of a <c>{"period": "yyyymm"}</c> message (a JSON number is accepted too).</summary>
    public static DividendPeriod Parse(string message)
    {
        try
        {
            using var document = JsonDocument.Parse(message ?? string.Empty);
            var root = document.RootElement;
            var text = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("period", out var value)
                ? value.ValueKind switch
                {
                    JsonValueKind.String => value.GetString(),
                    JsonValueKind.Number => value.GetRawText(),
                    _ => null,
                }
                : null;
            return DividendPeriod.TryParse(text, out var period)
                ? period
                : throw new InvalidDividendRunException("A dividend run is {\"period\": \"yyyymm\"}, a month of the years 2000 to 9999.");
        }
        catch (JsonException ex)
        {
            throw new InvalidDividendRunException($"A dividend run is JSON: {ex.Message}", ex);
        }
    }

    [LoggerMessage(LogLevel.Information, "Dividend run requested: workflow {Id} (started now: {Started})")]
    private partial void LogStarted(string id, bool started);
}
