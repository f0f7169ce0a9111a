using PowerVerse.GpuAgent.Messages;
using PowerVerse.GpuAgent.Signing;
using PowerVerse.Domain.Json;

namespace PowerVerse.GpuAgent.Agent;

/// <summary>
/// <c>run --api</c> (DESIGN §3): gets the agent's queue SAS from the platform for <c>--sas-lifetime</c> and renews it
/// once 80 % of the lifetime has passed, so fresh URLs are in place while the old ones still work, or at once when
/// storage refused a signature (<see cref="QueueAccess.RenewalRequested"/>: a rotated account key), no sooner than a
/// doubling backoff after the previous such renewal. Any failed attempt — a refusal, an unreachable platform, an answer
/// that cannot be read — is logged and retried with doubling backoff (1 s up to a tenth of the lifetime, at most a
/// minute): the renewal never stops before the agent does.
/// </summary>
internal sealed class SasRenewal(HttpClient http, Uri api, AgentSigner signer, TimeSpan lifetime, AgentLog log, TimeProvider time)
{
    /// <summary>DESIGN §3: a SAS is valid for at most 24 h; the agent asks for that unless told otherwise.</summary>
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromHours(24);

    public const double RenewAt = 0.8;

    private static readonly TimeSpan FirstBackoff = TimeSpan.FromSeconds(1);

    private DateTimeOffset _renewAt;

    private TimeSpan MaxBackoff => TimeSpan.FromTicks(Math.Clamp(lifetime.Ticks / 10, FirstBackoff.Ticks, TimeSpan.FromMinutes(1).Ticks));

    /// <summary>The first grant, retried until it comes (or the agent stops).</summary>
    public async Task<QueueAccess> FirstAsync(CancellationToken stopping) => new((await GrantAsync("sas-granted", stopping)).Queues);

    /// <summary>Renews into <paramref name="access"/> until the agent stops.</summary>
    public async Task RunAsync(QueueAccess access, CancellationToken stopping)
    {
        ArgumentNullException.ThrowIfNull(access);
        try
        {
            var forcedBackoff = FirstBackoff;
            while (!stopping.IsCancellationRequested)
            {
                var wait = _renewAt - time.GetUtcNow();
                var @event = "sas-renewed";
                if (wait > TimeSpan.Zero)
                {
                    using var waiting = CancellationTokenSource.CreateLinkedTokenSource(stopping);
                    var due = Task.Delay(wait, time, waiting.Token);
                    if (await Task.WhenAny(due, access.RenewalRequested) != due)
                    {
                        await waiting.CancelAsync();
                        stopping.ThrowIfCancellationRequested();
                        log.Warn("sas-rejected", $"storage refused the signature; renewing in {forcedBackoff.TotalSeconds}s");
                        await Task.Delay(forcedBackoff, time, stopping);
                        forcedBackoff = TimeSpan.FromTicks(Math.Min(forcedBackoff.Ticks * 2, MaxBackoff.Ticks));
                        @event = "sas-renewed-early";
                    }
                    else
                    {
                        await due;
                        forcedBackoff = FirstBackoff;
                    }
                }

                access.Replace((await GrantAsync(@event, stopping)).Queues);
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
                var requestedAt = time.GetUtcNow();
                var granted = await SasGrant.RequestAsync(http, api, signer, requestedAt + lifetime, stopping);

                // Renew at 80 % of what was granted (the platform may grant less than asked), never sooner than the
                // first backoff: an answer already expired must not make the agent ask in a tight loop.
                _renewAt = requestedAt + TimeSpan.FromTicks(Math.Max((long)((granted.Expires - requestedAt).Ticks * RenewAt), FirstBackoff.Ticks));
                log.Info(@event, $"expires={IsoUtc.Format(granted.Expires)} queue={granted.Queues.Challenges.Name}");
                return granted;
            }
            catch (Exception e) when (!(e is OperationCanceledException && stopping.IsCancellationRequested))
            {
                // Whatever went wrong (a refusal, the network, a garbled answer), the agent must keep asking: a renewal
                // that died would leave it refused by storage once the SAS expires.
                log.Warn("sas-refused", $"{e.Message} retry-in={backoff.TotalSeconds}s");
            }

            await Task.Delay(backoff, time, stopping);
            backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
        }
    }
}
