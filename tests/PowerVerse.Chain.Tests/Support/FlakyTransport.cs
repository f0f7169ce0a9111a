namespace PowerVerse.Chain.Tests.Support;

/// <summary>A transport whose first <c>failures</c> sends fail as a dropped connection does; then the real network.</summary>
internal sealed class FlakyTransport(int failures) : DelegatingHandler(new SocketsHttpHandler())
{
    private int _failuresLeft = failures;

    public int Attempts { get; private set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Attempts++;
        if (Interlocked.Decrement(ref _failuresLeft) >= 0)
        {
            throw new HttpRequestException("The connection was reset.", new IOException("reset by peer"));
        }

        return await base.SendAsync(request, cancellationToken);
    }
}
