namespace PowerVerse.Chain.Keys;

/// <summary>
/// A platform key cannot be had: its role is missing from the store, its value is not a 32-byte hex private key, the
/// store cannot be read, or no store is configured. A deployment fault, not a transient one: retrying does not help.
/// </summary>
public sealed class PlatformKeyUnavailableException : Exception
{
    public PlatformKeyUnavailableException()
    {
    }

    public PlatformKeyUnavailableException(string message)
        : base(message)
    {
    }

    public PlatformKeyUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public PlatformKeyUnavailableException(PlatformRole role, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Role = role;
    }

    /// <summary>The role whose key was asked for, when the failure is about one role.</summary>
    public PlatformRole? Role { get; }
}
