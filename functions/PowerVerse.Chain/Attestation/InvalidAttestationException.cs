namespace PowerVerse.Chain.Attestation;

/// <summary>
/// A device attestation that HardwareRegistry.register would refuse before comparing signers: not 65 bytes, or not a
/// signature OpenZeppelin's <c>ECDSA.recover</c> accepts (v other than 27/28, s in the upper half, no recoverable key).
/// </summary>
public sealed class InvalidAttestationException : Exception
{
    public InvalidAttestationException()
    {
    }

    public InvalidAttestationException(string message)
        : base(message)
    {
    }

    public InvalidAttestationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
