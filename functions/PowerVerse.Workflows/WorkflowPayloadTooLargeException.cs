namespace PowerVerse.Workflows;

/// <summary>An input, state, output or event larger than a table property can hold.</summary>
public sealed class WorkflowPayloadTooLargeException : WorkflowException
{
    public WorkflowPayloadTooLargeException()
    {
    }

    public WorkflowPayloadTooLargeException(string message)
        : base(message)
    {
    }

    public WorkflowPayloadTooLargeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
