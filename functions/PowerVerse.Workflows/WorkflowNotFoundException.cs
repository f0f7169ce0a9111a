namespace PowerVerse.Workflows;

/// <summary>No instance, or no definition, by that name.</summary>
public sealed class WorkflowNotFoundException : WorkflowException
{
    public WorkflowNotFoundException()
    {
    }

    public WorkflowNotFoundException(string message)
        : base(message)
    {
    }

    public WorkflowNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
