namespace PowerVerse.Views;

/// <summary>Why an orchestration failed.</summary>
public sealed record WorkflowFailureView(string ErrorType, string ErrorMessage);
