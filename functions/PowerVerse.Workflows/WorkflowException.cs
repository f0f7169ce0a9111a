namespace PowerVerse.Workflows;

/// <summary>Base of every error the workflow engine raises on purpose.</summary>
public class WorkflowException : Exception
{
    public WorkflowException()
    {
    }

    public WorkflowException(string message)
        : base(message)
    {
    }

    public WorkflowException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
