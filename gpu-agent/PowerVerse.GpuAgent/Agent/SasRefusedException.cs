namespace PowerVerse.GpuAgent.Agent;

/// <summary>The platform refused (or garbled) an agent's SAS request; the renewal retries it with backoff.</summary>
internal sealed class SasRefusedException : Exception
{
    public SasRefusedException(int status, string detail)
        : base($"status={status} {detail}")
    {
        Status = status;
    }

    public SasRefusedException()
    {
    }

    public SasRefusedException(string message)
        : base(message)
    {
    }

    public SasRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public int Status { get; }
}
