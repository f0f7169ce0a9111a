namespace PowerVerse.Workflows;

/// <summary>An input that the workflow's input type cannot hold.</summary>
public sealed class WorkflowInputException : WorkflowException
{
    public WorkflowInputException()
    {
    }

    public WorkflowInputException(string message)
        : base(message)
    {
    }

    public WorkflowInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
