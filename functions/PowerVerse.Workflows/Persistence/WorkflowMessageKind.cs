namespace PowerVerse.Workflows.Persistence;

internal enum WorkflowMessageKind
{
    /// <summary>Run the current step, or check for a buffered event when waiting for one.</summary>
    Step,

    /// <summary>A durable timer hop: run the step if due, else re-arm.</summary>
    Timer,

    /// <summary>An event was raised: resume the instance if it waits for one. Carries no sequence.</summary>
    Wake,
}
