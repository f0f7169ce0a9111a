namespace PowerVerse.Client.Api;

/// <summary>Why a workflow failed.</summary>
public sealed record WorkflowFailure(string ErrorType, string ErrorMessage);
