using System.Diagnostics;
using System.Globalization;
using PowerVerse.Testing;

namespace PowerVerse.LocalHost.Tests.TestSupport;

/// <summary>
/// The reaper's script as a test process's end drives it: its input closes (the writer is gone), and every child still
/// registered is killed while the disposed ones are left alone.
/// </summary>
public sealed class OrphanReaperTests
{
    [Fact]
    public async Task InputCloses_KillsTheChildrenStillRegistered_LeavesTheForgottenOnes()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var orphan = Sleep();
        using var disposed = Sleep();
        using var reaper = Process.Start(new ProcessStartInfo("/bin/sh", ["-c", OrphanReaper.Script]) { RedirectStandardInput = true })!;
        try
        {
            await reaper.StandardInput.WriteLineAsync("+" + Pid(orphan));
            await reaper.StandardInput.WriteLineAsync("+" + Pid(disposed));
            await reaper.StandardInput.WriteLineAsync("-" + Pid(disposed));
            reaper.StandardInput.Close();

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await reaper.WaitForExitAsync(timeout.Token);
            await orphan.WaitForExitAsync(timeout.Token);
            Assert.False(disposed.HasExited);
        }
        finally
        {
            disposed.Kill();
            orphan.Kill();
        }
    }

    private static Process Sleep() => Process.Start(new ProcessStartInfo("sleep", ["600"]))!;

    private static string Pid(Process process) => process.Id.ToString(CultureInfo.InvariantCulture);
}
