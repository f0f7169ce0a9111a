namespace PowerVerse.Functions.Orchestrations;

/// <summary>A workflow's current step, as <c>/api/workflows/{id}</c> shows it (the orchestration's custom status).</summary>
public static class WorkflowSteps
{
    public const string Relaying = "relaying";
    public const string Confirming = "confirming";
    public const string Indexing = "indexing";
    public const string Granting = "granting";
    public const string AwaitingAgent = "awaiting-agent";
    public const string RecordingAccess = "recording-access";
    public const string Proving = "proving";
    public const string Done = "done";
}
