namespace PowerVerse.Views;

/// <summary>One page of a sorted list; pass <c>continuationToken</c> back as the query parameter of the same name for the next page (null: the last page).</summary>
public sealed record PageView<T>(IReadOnlyList<T> Items, string? ContinuationToken);
