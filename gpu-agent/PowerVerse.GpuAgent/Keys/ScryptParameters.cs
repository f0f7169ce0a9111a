namespace PowerVerse.GpuAgent.Keys;

/// <summary>scrypt cost (RFC 7914). <see cref="Standard"/> is geth's default for new keys.</summary>
internal sealed record ScryptParameters(int N, int R, int P)
{
    public static ScryptParameters Standard { get; } = new(262144, 8, 1);
}
