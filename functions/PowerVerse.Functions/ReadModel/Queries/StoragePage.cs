namespace PowerVerse.Functions.ReadModel.Queries;

/// <summary>A page read from a table: the rows and Table Storage's own token for the next page (null: none).</summary>
public sealed record StoragePage<T>(IReadOnlyList<T> Items, string? StorageToken);
