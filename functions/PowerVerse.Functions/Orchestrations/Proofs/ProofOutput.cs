using System.Text.Json.Serialization;

namespace PowerVerse.Functions.Orchestrations.Proofs;

/// <summary>
/// What a finished proof shows as its workflow's output (and inside a purchase's): the challenge, the outcome —
/// <c>verified</c> (submitted and verified on chain), <c>missed</c> (no valid result by the deadline: expired and
/// slashed) or <c>failed</c> (no challenge could be run, with the reason) — the transactions of each step, the elapsed
/// time the platform observed and the work verified, and every result refused on the way.
/// </summary>
public sealed record ProofOutput(
    [property: JsonPropertyName("challengeId")] string? ChallengeId,
    [property: JsonPropertyName("vid")] string Vid,
    [property: JsonPropertyName("outcome")] string Outcome,
    [property: JsonPropertyName("requestTransaction")] string? RequestTransaction,
    [property: JsonPropertyName("dispatchTransaction")] string? DispatchTransaction,
    [property: JsonPropertyName("submitTransaction")] string? SubmitTransaction,
    [property: JsonPropertyName("expireTransaction")] string? ExpireTransaction,
    [property: JsonPropertyName("slashTransaction")] string? SlashTransaction,
    [property: JsonPropertyName("slash")] string? Slash,
    [property: JsonPropertyName("slashedAmount")] string? SlashedAmount,
    [property: JsonPropertyName("elapsedMs")] long ElapsedMs,
    [property: JsonPropertyName("work")] string Work,
    [property: JsonPropertyName("deadline")] long Deadline,
    [property: JsonPropertyName("refused")] IReadOnlyList<RefusedResult> Refused,
    [property: JsonPropertyName("failure")] string? Failure = null)
{
    public const string Verified = "verified";
    public const string Missed = "missed";
    public const string Failed = "failed";

    /// <summary>A proof that never got a challenge to run (the request or dispatch was refused).</summary>
    public static ProofOutput NotRun(string vid, string reason) =>
        new(null, vid, Failed, null, null, null, null, null, null, null, 0, "0", 0, [], reason);
}
