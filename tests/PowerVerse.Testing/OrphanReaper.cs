using System.Diagnostics;
using System.Globalization;

namespace PowerVerse.Testing;

/// <summary>
/// Kills the servers a test process started when that process ends without disposing them: the test runner ends its
/// test host without running exit handlers, and a crashed or hung host never runs them. One <c>sh</c> per test process
/// holds the pids of the live children and reads its stdin, a pipe only this process writes to; the pipe closes when this
/// process ends, however it ends, and the shell then kills each remaining child and that child's own children.
/// </summary>
public static class OrphanReaper
{
    // Lines are "+pid" (started) or "-pid" (disposed). At end of input every pid still held is killed.
    public const string Script = """
        pids=" "
        while read -r line; do
          case "$line" in
            +*) pids="$pids${line#+} " ;;
            -*) pids=$(printf '%s' "$pids" | sed "s/ ${line#-} / /") ;;
          esac
        done
        for pid in $pids; do pkill -KILL -P "$pid"; kill -KILL "$pid"; done 2>/dev/null
        exit 0
        """;

    private static readonly Lazy<Process?> Reaper = new(Start);
    private static readonly object Gate = new();

    internal static void Watch(int pid) => Tell('+', pid);

    internal static void Forget(int pid) => Tell('-', pid);

    private static void Tell(char sign, int pid)
    {
        var reaper = Reaper.Value;
        if (reaper is null || reaper.HasExited)
        {
            return;
        }

        lock (Gate)
        {
            try
            {
                reaper.StandardInput.WriteLine(sign + pid.ToString(CultureInfo.InvariantCulture));
                reaper.StandardInput.Flush();
            }
            catch (IOException)
            {
                // The reaper is gone; the children are disposed by their owners as before.
            }
        }
    }

    private static Process? Start()
    {
        if (OperatingSystem.IsWindows())
        {
            return null;
        }

        var info = new ProcessStartInfo("/bin/sh") { RedirectStandardInput = true, UseShellExecute = false };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(Script);
        return Process.Start(info);
    }
}
