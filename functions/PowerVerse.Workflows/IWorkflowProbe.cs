namespace PowerVerse.Workflows;

/// <summary>Observes the engine at every <see cref="WorkflowCheckpoint"/>: for metrics, tracing and crash tests.</summary>
public interface IWorkflowProbe
{
    ValueTask OnCheckpointAsync(WorkflowCheckpoint checkpoint, string instanceId, string stepName, CancellationToken cancellationToken);
}
