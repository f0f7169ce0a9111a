namespace PowerVerse.GpuAgent.Keys;

/// <summary>A keystore file that cannot be read: wrong passphrase (MAC mismatch), unsupported cipher or KDF, bad JSON.</summary>
internal sealed class KeystoreException : Exception
{
    public KeystoreException()
    {
    }

    public KeystoreException(string message)
        : base(message)
    {
    }

    public KeystoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
