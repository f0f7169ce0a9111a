namespace PowerVerse.Benchmarks;

/// <summary>Other processes on the machine skew every row; the load averages say how much was going on.</summary>
internal static class MachineLoad
{
    /// <summary>The 1-, 5- and 15-minute load averages (Linux), or "n/a".</summary>
    public static string Average() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
