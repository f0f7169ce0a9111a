using System.Globalization;
using System.Numerics;
using System.Text.Json;
using PowerVerse.Client.Api;
using PowerVerse.Client.Writes;
using PowerVerse.Workflows.Tests.Support;

namespace PowerVerse.Workflows.Tests.Proofs;

/// <summary>A proof workflow as the API shows it: its id, status, step (the custom status), output and failure.</summary>
internal sealed record ProofRun(Workflow Workflow)
{
    public string Id => Workflow.Id;

    public string Status => Workflow.Status;

    /// <summary>The step: a plain string before the challenge exists, then the proof's own status object's <c>step</c>.</summary>
    public string? Step => StepObject is { } step ? step.Text("step") : Workflow.CurrentStep;

    /// <summary>The results refused so far (from the step while it runs, from the output once it is done).</summary>
    public IReadOnlyList<JsonElement> Refused =>
        (Output ?? StepObject) is { } source && source.TryGetProperty("refused", out var refused) ? [.. refused.EnumerateArray()] : [];

    public JsonElement? Output => Workflow.Output is { ValueKind: JsonValueKind.Object } output ? output : null;

    public BigInteger ChallengeId => BigInteger.Parse(
        (Output ?? StepObject)?.Text("challengeId") ?? throw new InvalidOperationException($"Workflow {Id} has no challenge yet."), CultureInfo.InvariantCulture);

    public string? Outcome => Output?.Text("outcome");

    private JsonElement? StepObject => Workflow.CurrentStep is { Length: > 0 } text && text[0] == '{' ? JsonDocument.Parse(text).RootElement.Clone() : null;

    public override string ToString() =>
        $"{Workflow.Name} {Id} {Status} step={Workflow.CurrentStep} output={Workflow.Output?.GetRawText()} failure={Workflow.Failure?.ErrorMessage}";
}
