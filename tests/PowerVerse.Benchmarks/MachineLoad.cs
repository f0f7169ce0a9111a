using System.Globalization;

namespace PowerVerse.Benchmarks;

/// <summary>Other processes on the machine skew every row; the load averages say how much was going on.</summary>
internal static class MachineLoad
{
    /// <summary>Linux's clock ticks per second for <c>/proc/PID/stat</c> times (USER_HZ, 100 on every Linux build).</summary>
    private const double TicksPerSecond = 100;

    /// <summary>The 1-, 5- and 15-minute load averages (Linux), or "n/a".</summary>
    public static string Average() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    /// <summary>
    /// CPU seconds (user + system) each live process has used so far, by pid, with what kind of process it is
    /// (<see cref="KindOf"/>); empty where there is no <c>/proc</c>. Two snapshots give where a phase's CPU went
    /// (<see cref="Spent"/>).
    /// </summary>
    public static IReadOnlyDictionary<int, (string Kind, double Seconds)> CpuSnapshot()
    {
        var snapshot = new Dictionary<int, (string, double)>();
        if (!Directory.Exists("/proc"))
        {
            return snapshot;
        }

        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            try
            {
                // "pid (comm) state ppid …": utime and stime are the 12th and 13th fields after the closing parenthesis.
                var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
                var command = File.ReadAllText(Path.Combine(directory, "cmdline")).Replace('\0', ' ');
                snapshot[pid] = (KindOf(pid, command), ticks / TicksPerSecond);
            }
            catch (IOException)
            {
                // Exited while being read.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        return snapshot;
    }

    /// <summary>CPU seconds by kind between two snapshots, most first (a process born in between counts from zero).</summary>
    public static IReadOnlyList<(string Kind, double Seconds)> Spent(
        IReadOnlyDictionary<int, (string Kind, double Seconds)> before, IReadOnlyDictionary<int, (string Kind, double Seconds)> after) =>
        [.. after.Select(p => (p.Value.Kind, Seconds: p.Value.Seconds - (before.TryGetValue(p.Key, out var b) && b.Kind == p.Value.Kind ? b.Seconds : 0)))
            .GroupBy(p => p.Kind)
            .Select(g => (g.Key, g.Sum(p => p.Seconds)))
            .OrderByDescending(g => g.Item2)];

    private static string KindOf(int pid, string command) =>
        pid == Environment.ProcessId ? "benchmark"
        : command.Contains("azurite", StringComparison.Ordinal) ? "Azurite"
        : command.Contains("hardhat", StringComparison.Ordinal) ? "Hardhat node"
        : command.Contains("PowerVerse.LocalHost", StringComparison.Ordinal) ? "local host"
        : command.Contains("gpu-agent", StringComparison.Ordinal) ? "gpu-agent"
        : "other";
}
