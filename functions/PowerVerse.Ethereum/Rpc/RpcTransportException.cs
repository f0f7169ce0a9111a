namespace PowerVerse.Ethereum.Rpc;

/// <summary>The node could not be reached or did not answer in time, after the configured retries.</summary>
public sealed class RpcTransportException : Exception
{
    public RpcTransportException()
    {
    }

    public RpcTransportException(string message)
        : base(message)
    {
    }

    public RpcTransportException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
