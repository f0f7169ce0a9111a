namespace PowerVerse.Workflows;

/// <summary>What a step returned, with the state it left behind serialised.</summary>
internal sealed record StepOutcome(StepResult Result, string StateJson);
