namespace PowerVerse.Chain.Forwarding;

/// <summary>A ForwardRequest that the forwarder would refuse: bad signature, wrong signer or past its deadline.</summary>
public sealed class InvalidForwardRequestException : Exception
{
    public InvalidForwardRequestException()
    {
    }

    public InvalidForwardRequestException(string message)
        : base(message)
    {
    }

    public InvalidForwardRequestException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
