namespace PowerVerse.Workflows;

/// <summary>One execution of a step, as the engine hands it to a definition (all payloads as JSON).</summary>
internal sealed record StepInvocation(
    string InstanceId,
    string StepName,
    int Attempt,
    string IdempotencyKey,
    string InputJson,
    string StateJson,
    string? EventJson,
    TimeProvider Time);
