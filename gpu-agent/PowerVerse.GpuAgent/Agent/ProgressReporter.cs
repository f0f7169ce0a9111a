using System.Globalization;

namespace PowerVerse.GpuAgent.Agent;

/// <summary>Turns a solver's hash counts into a progress line every so often.</summary>
internal sealed class ProgressReporter(string challengeId, AgentLog log, TimeProvider time, TimeSpan every) : IProgress<ulong>
{
    private readonly object _gate = new();
    private readonly DateTimeOffset _started = time.GetUtcNow();
    private DateTimeOffset _last = time.GetUtcNow();

    public void Report(ulong value)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            if (now - _last < every)
            {
                return;
            }

            _last = now;
        }

        var rate = value / Math.Max((now - _started).TotalSeconds, 1e-3) / 1e6;
        log.Info("progress", string.Create(CultureInfo.InvariantCulture, $"challenge={challengeId} hashes={value} rate={rate:F2}MH/s"));
    }
}
