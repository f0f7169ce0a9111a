namespace PowerVerse.Views;

/// <summary>A list returned whole (the DAO lists).</summary>
public sealed record ItemsView<T>(IReadOnlyList<T> Items);
