namespace PowerVerse.Views;

/// <summary>A write admitted (202): its workflow's id (the request's EIP-712 hash) and where to follow it.</summary>
public sealed record WriteAcceptedView(string Id, string Location);
