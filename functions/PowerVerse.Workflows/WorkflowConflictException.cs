namespace PowerVerse.Workflows;

/// <summary>An instance id already used for another workflow or another input, or an operation the instance's status forbids.</summary>
public sealed class WorkflowConflictException : WorkflowException
{
    public WorkflowConflictException()
    {
    }

    public WorkflowConflictException(string message)
        : base(message)
    {
    }

    public WorkflowConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
