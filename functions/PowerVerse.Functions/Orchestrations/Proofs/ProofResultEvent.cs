namespace PowerVerse.Functions.Orchestrations.Proofs;

/// <summary>
/// An agent's <c>result</c> (DESIGN §3) as the <c>proof-results</c> queue function raised it to the challenge's workflow,
/// with when the platform received it: <see cref="ReceivedAt"/> by its own clock (the end of the elapsed time it
/// observed) and <see cref="ReceivedChainTime"/>, the chain's latest block time then (what the deadline is judged by).
/// </summary>
public sealed record ProofResultEvent(
    string ChallengeId, string Vid, string Agent, IReadOnlyList<ulong> Nonces, ulong StartedAt, ulong FinishedAt, string Signature,
    string Backend, string Device, DateTimeOffset ReceivedAt, long ReceivedChainTime)
{
    /// <summary>The name of the external event the proof workflow waits for.</summary>
    public const string EventName = "proof-result";
}
