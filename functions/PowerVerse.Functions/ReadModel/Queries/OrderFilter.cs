namespace PowerVerse.Functions.ReadModel.Queries;

/// <summary>An order history: all, or one account's (as buyer or seller); newest first, optionally from/to a time.</summary>
public sealed record OrderFilter(string? Account, DateTimeOffset? From, DateTimeOffset? To);
