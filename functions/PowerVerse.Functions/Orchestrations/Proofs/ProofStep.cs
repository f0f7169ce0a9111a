using System.Text.Json.Serialization;

namespace PowerVerse.Functions.Orchestrations.Proofs;

/// <summary>
/// A proof workflow's step once its challenge exists (its custom status at <c>/api/workflows/{id}</c>): the step, the
/// challenge, its deadline (chain time, unix seconds) and the results refused so far with the reason (the first
/// <see cref="ProofWait.MaxShownRefusals"/> of <see cref="RefusedCount"/>).
/// </summary>
public sealed record ProofStep(
    [property: JsonPropertyName("step")] string Step,
    [property: JsonPropertyName("challengeId")] string ChallengeId,
    [property: JsonPropertyName("deadline")] long Deadline,
    [property: JsonPropertyName("refused")] IReadOnlyList<RefusedResult> Refused,
    [property: JsonPropertyName("refusedCount")] int RefusedCount);
