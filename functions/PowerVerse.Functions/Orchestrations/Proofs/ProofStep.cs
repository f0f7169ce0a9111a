using System.Text.Json.Serialization;

namespace PowerVerse.Functions.Orchestrations.Proofs;

/// <summary>
/// A proof workflow's step once its challenge exists (its custom status at <c>/api/workflows/{id}</c>): the step, the
/// challenge, its deadline (chain time, unix seconds) and every result refused so far with the reason.
/// </summary>
public sealed record ProofStep(
    [property: JsonPropertyName("step")] string Step,
    [property: JsonPropertyName("challengeId")] string ChallengeId,
    [property: JsonPropertyName("deadline")] long Deadline,
    [property: JsonPropertyName("refused")] IReadOnlyList<RefusedResult> Refused);
