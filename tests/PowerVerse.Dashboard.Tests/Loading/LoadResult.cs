namespace PowerVerse.Dashboard.Tests.Loading;

/// <summary>One page load: bytes received over the network (compressed, headers included), responses finished, and the time until the page was ready.</summary>
public sealed record LoadResult(long TransferredBytes, int Responses, TimeSpan UntilReady)
{
    public override string ToString() =>
        FormattableString.Invariant($"{TransferredBytes / 1024.0 / 1024.0:F2} MiB ({TransferredBytes:N0} bytes) in {Responses} responses, ready in {UntilReady.TotalMilliseconds:F0} ms");
}
