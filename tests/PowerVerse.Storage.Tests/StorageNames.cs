namespace PowerVerse.Storage.Tests;

/// <summary>Fresh table and queue names, so tests can run in parallel against one Azurite.</summary>
internal static class StorageNames
{
    private static int _counter;

    public static string Table() => $"t{Guid.NewGuid():N}"[..30] + Interlocked.Increment(ref _counter);

    public static string Queue() => $"q-{Guid.NewGuid():N}"[..30] + "-" + Interlocked.Increment(ref _counter);
}
