namespace PowerVerse.Workflows;

/// <summary>The boundaries of processing one step message, in order. A crash may happen at any of them.</summary>
public enum WorkflowCheckpoint
{
    /// <summary>The message is received and the instance loaded; the step has not run.</summary>
    StepStarting,

    /// <summary>The step's handler returned; nothing is persisted yet.</summary>
    StepExecuted,

    /// <summary>The transition is committed to the instance row; the next message is not sent yet.</summary>
    Committed,

    /// <summary>The next message is sent; the current one is not deleted yet.</summary>
    Dispatched,
}
