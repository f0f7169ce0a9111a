namespace PowerVerse.Functions.Orchestrations.Proofs;

/// <summary>
/// How the proof workflows run (configuration section <c>Proofs</c>). Orchestrators take no services: the poll
/// interval reaches them in the dispatched challenge.
/// </summary>
public sealed class ProofOptions
{
    /// <summary>
    /// How long a proof waits for a result before it asks the chain's clock again whether the deadline has passed (the
    /// chain's latest block time decides, never the wall clock).
    /// </summary>
    public TimeSpan DeadlinePollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How often the platform challenges each listed or rented resource: null (the default) follows the DAO's
    /// <c>challengeCooldown</c>; <see cref="TimeSpan.Zero"/> turns the platform's cadence off.
    /// </summary>
    public TimeSpan? Cadence { get; set; }

    /// <summary>The most platform proofs one cadence run starts (the rest start on the next run).</summary>
    public int CadenceBatch { get; set; } = 100;
}
