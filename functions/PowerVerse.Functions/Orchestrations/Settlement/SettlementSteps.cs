namespace PowerVerse.Functions.Orchestrations.Settlement;

/// <summary>A settlement's current step, as <c>/api/workflows/settle-&lt;uid&gt;-&lt;start&gt;</c> shows it.</summary>
public static class SettlementSteps
{
    /// <summary>Waiting until every challenge of the VID issued before the rental's end has finished on chain.</summary>
    public const string AwaitingProofs = "awaiting-proofs";

    /// <summary>Closing, on chain, a challenge of the rental that passed its deadline without a result.</summary>
    public const string ExpiringChallenges = "expiring-challenges";

    public const string Refunding = "refunding";

    public const string Settling = "settling";

    public const string Indexing = "indexing";

    public const string Done = "done";
}
