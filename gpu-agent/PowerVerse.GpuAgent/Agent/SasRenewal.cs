using PowerVerse.GpuAgent.Messages;
using PowerVerse.GpuAgent.Signing;

namespace PowerVerse.GpuAgent.Agent;

/// <summary>
/// <c>run --api</c> (DESIGN §3): gets the agent's queue SAS from the platform for <c>--sas-lifetime</c> and renews it
/// once 80 % of the lifetime has passed, so fresh URLs are in place while the old ones still work. A refusal or an
/// unreachable platform is retried with doubling backoff (1 s up to a tenth of the lifetime, at most a minute).
/// </summary>
internal sealed class SasRenewal(HttpClient http, Uri api, AgentSigner signer, TimeSpan lifetime, AgentLog log, TimeProvider time)
{
    /// <summary>DESIGN §3: a SAS is valid for at most 24 h; the agent asks for that unless told otherwise.</summary>
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromHours(24);

    public const double RenewAt = 0.8;

    private static readonly TimeSpan FirstBackoff = TimeSpan.FromSeconds(1);

    private DateTimeOffset _requestedAt;

    private TimeSpan MaxBackoff => TimeSpan.FromTicks(Math.Clamp(lifetime.Ticks / 10, FirstBackoff.Ticks, TimeSpan.FromMinutes(1).Ticks));

    /// <summary>The first grant, retried until it comes (or the agent stops).</summary>
    public async Task<QueueAccess> FirstAsync(CancellationToken stopping) => new((await GrantAsync("sas-granted", stopping)).Queues);

    /// <summary>Renews into <paramref name="access"/> until the agent stops.</summary>
    public async Task RunAsync(QueueAccess access, CancellationToken stopping)
    {
        ArgumentNullException.ThrowIfNull(access);
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                var wait = _requestedAt + (lifetime * RenewAt) - time.GetUtcNow();
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, time, stopping);
                }

                access.Replace((await GrantAsync("sas-renewed", stopping)).Queues);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private async Task<(AgentQueues Queues, DateTimeOffset Expires)> GrantAsync(string @event, CancellationToken stopping)
    {
        var backoff = FirstBackoff;
        while (true)
        {
            try
            {
                _requestedAt = time.GetUtcNow();
                var granted = await SasGrant.RequestAsync(http, api, signer, _requestedAt + lifetime, stopping);
                log.Info(@event, $"expires={IsoUtc.Format(granted.Expires)} queue={granted.Queues.Challenges.Name}");
                return granted;
            }
            catch (Exception e) when (e is SasRefusedException or HttpRequestException or System.Text.Json.JsonException
                                      || (e is TaskCanceledException && !stopping.IsCancellationRequested))
            {
                log.Warn("sas-refused", $"{e.Message} retry-in={backoff.TotalSeconds}s");
            }

            await Task.Delay(backoff, time, stopping);
            backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
        }
    }
}
