using System.Globalization;
using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NCrontab;

using PowerVerse.Functions.Hosting;

namespace PowerVerse.LocalHost.Hosting;

/// <summary>
/// Runs one timer-triggered function on its schedule: NCRONTAB with seconds (as the Functions host reads it) or a
/// <c>hh:mm:ss</c> interval, and once at start when <c>RunOnStartup</c> is set. Occurrences never overlap.
/// </summary>
public sealed partial class TimerTriggerListener(DeclaredFunction function, IServiceProvider services, ILogger<TimerTriggerListener> log, TimeProvider time)
    : BackgroundService
{
    private readonly FunctionInvoker _invoker = new(function, Bind);
    private readonly TimerFunctionTrigger _trigger = (TimerFunctionTrigger)function.Trigger;

    /// <summary>The next occurrence after <paramref name="after"/> for a Functions timer schedule.</summary>
    public static DateTime NextOccurrence(string schedule, DateTime after) =>
        TimeSpan.TryParseExact(schedule, @"hh\:mm\:ss", CultureInfo.InvariantCulture, out var interval)
            ? after + interval
            : CrontabSchedule.Parse(schedule, new CrontabSchedule.ParseOptions { IncludingSeconds = true }).GetNextOccurrence(after);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        DateTime? last = null;
        if (_trigger.RunOnStartup)
        {
            last = await RunAsync(last, stoppingToken);
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var now = time.GetUtcNow().UtcDateTime;
            var next = NextOccurrence(_trigger.Schedule, now);
            await Task.Delay(next - now, time, stoppingToken);
            last = await RunAsync(last, stoppingToken);
        }
    }

    private async Task<DateTime> RunAsync(DateTime? last, CancellationToken stoppingToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var info = new TimerInfo
        {
            ScheduleStatus = new ScheduleStatus { Last = last ?? default, Next = NextOccurrence(_trigger.Schedule, now), LastUpdated = now },
        };
        try
        {
            await using var scope = services.CreateAsyncScope();
            await _invoker.InvokeAsync(scope.ServiceProvider, new InvocationValues(scope.ServiceProvider, info, stoppingToken));
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            LogFailed(function.Name, ex);
        }

        return now;
    }

    private static Func<ParameterInfo, InvocationValues, object?>? Bind(ParameterInfo parameter) =>
        parameter.GetCustomAttribute<TimerTriggerAttribute>() is not null && parameter.ParameterType == typeof(TimerInfo)
            ? (_, values) => values.TriggerValue
            : null;

    [LoggerMessage(LogLevel.Error, "Timer function {Function} failed")]
    private partial void LogFailed(string function, Exception exception);
}
