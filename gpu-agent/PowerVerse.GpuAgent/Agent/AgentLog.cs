using System.Globalization;

namespace PowerVerse.GpuAgent.Agent;

/// <summary>
/// The agent's console log: one line per event, "time level event detail", so that an operator (and a test)
/// can follow it with grep. Lines are written whole under a lock; progress comes from several threads.
/// </summary>
internal sealed class AgentLog(TextWriter output, TimeProvider time)
{
    private readonly object _gate = new();

    public void Info(string @event, string detail) => Write("info", @event, detail);

    public void Warn(string @event, string detail) => Write("warn", @event, detail);

    public void Error(string @event, string detail) => Write("error", @event, detail);

    private void Write(string level, string @event, string detail)
    {
        var stamp = time.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
        lock (_gate)
        {
            output.WriteLine($"{stamp} {level,-5} {@event} {detail}");
            output.Flush();
        }
    }
}
