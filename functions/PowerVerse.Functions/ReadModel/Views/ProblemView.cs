namespace PowerVerse.Functions.ReadModel.Views;

/// <summary>An RFC 9457 problem document (<c>application/problem+json</c>): <c>Type</c> is a stable URI to switch on.</summary>
public sealed record ProblemView(string Type, string Title, int Status, string? Detail, string? Instance);
