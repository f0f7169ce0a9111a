using System.Diagnostics;
using System.Text;

namespace PowerVerse.Testing;

/// <summary>
/// A server the tests start themselves (Azurite, a Hardhat node, a worker host) and kill when done, or that
/// <see cref="OrphanReaper"/> kills when the test process ends first. Output is kept so that a failure to start says why.
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly object _gate = new();

    private ChildProcess(Process process) => _process = process;

    /// <summary>Fires for every line the process writes to stdout or stderr.</summary>
    public event Action<string>? LineReceived;

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public string Output
    {
        get
        {
            lock (_gate)
            {
                return _output.ToString();
            }
        }
    }

    public static ChildProcess Start(string fileName, IEnumerable<string> arguments, string? workingDirectory = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? RepoPaths.Root,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var child = new ChildProcess(process);
        process.OutputDataReceived += (_, e) => child.Append(e.Data);
        process.ErrorDataReceived += (_, e) => child.Append(e.Data);
        // Killed with this process should it end without disposing the child; forgotten once the child has exited (also
        // when it exits before it was watched), so a later process given the same pid is never touched.
        var pid = 0;
        process.Exited += (_, _) => OrphanReaper.Forget(pid);
        process.Start();
        pid = process.Id;
        OrphanReaper.Watch(pid);
        if (process.HasExited)
        {
            OrphanReaper.Forget(pid);
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>
    /// Waits for the server's own line saying it listens. (A port that accepts connections proves nothing: another
    /// process may have taken it between <see cref="FreePort.Next"/> and this server's bind, which then fails.) Throws
    /// <see cref="InvalidOperationException"/> when the server exits first, for <see cref="FreePort.RetryAsync"/>.
    /// </summary>
    public async Task WaitForStartedAsync(string line, TimeSpan timeout)
    {
        try
        {
            await WaitForLineAsync(line, timeout);
        }
        catch (TimeoutException exited) when (_process.HasExited)
        {
            throw new InvalidOperationException(exited.Message, exited);
        }
    }

    /// <summary>Waits for an ASP.NET Core server's "Now listening on: URL" line and returns that URL (<see cref="ListeningLine"/>).</summary>
    public async Task<Uri> WaitForListeningAsync(TimeSpan timeout) =>
        ListeningLine.Url(await WaitForLineAsync(ListeningLine.Server, timeout), ListeningLine.Server);

    /// <summary>Waits for a line containing <paramref name="text"/>.</summary>
    public async Task<string> WaitForLineAsync(string text, TimeSpan timeout)
    {
        var found = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnLine(string line)
        {
            if (line.Contains(text, StringComparison.Ordinal))
            {
                found.TrySetResult(line);
            }
        }

        LineReceived += OnLine;
        try
        {
            foreach (var line in Output.Split('\n'))
            {
                OnLine(line);
            }

            var exited = _process.WaitForExitAsync();
            var winner = await Task.WhenAny(found.Task, exited, Task.Delay(timeout));
            if (winner == found.Task)
            {
                return await found.Task;
            }

            var why = winner == exited ? $"exited with {_process.ExitCode}" : $"did not print it within {timeout}";
            throw new TimeoutException($"Waiting for '{text}': the process {why}.\n{Output}");
        }
        finally
        {
            LineReceived -= OnLine;
        }
    }

    /// <summary>Kills the process and its children at once (SIGKILL): no clean-up runs in it.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
    }

    public Task<int> WaitForExitAsync(TimeSpan timeout) => WaitForExitCoreAsync(timeout);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await KillAsync();
        }
        catch (InvalidOperationException)
        {
            // Never started or already reaped.
        }

        _process.Dispose();
    }

    private async Task<int> WaitForExitCoreAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token);
        return _process.ExitCode;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            _output.AppendLine(line);
        }

        LineReceived?.Invoke(line);
    }
}
