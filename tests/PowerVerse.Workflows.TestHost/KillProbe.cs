namespace PowerVerse.Workflows.TestHost;

/// <summary>
/// Freezes the process at a chosen (instance, checkpoint, step) and says so on stdout, so that the test
/// can kill it there with SIGKILL: a real crash at an exact step boundary.
/// </summary>
public sealed class KillProbe(IEnumerable<string> killPoints) : IWorkflowProbe
{
    private readonly HashSet<string> _points = new(killPoints, StringComparer.Ordinal);

    public static string Point(string instanceId, WorkflowCheckpoint checkpoint, string step) => $"{instanceId}:{checkpoint}:{step}";

    public async ValueTask OnCheckpointAsync(WorkflowCheckpoint checkpoint, string instanceId, string stepName, CancellationToken cancellationToken)
    {
        var point = Point(instanceId, checkpoint, stepName);
        if (_points.Contains(point))
        {
            Console.Out.WriteLine($"KILLPOINT {point}");
            await Console.Out.FlushAsync(cancellationToken);
            await Task.Delay(Timeout.Infinite, CancellationToken.None);
        }
    }
}
