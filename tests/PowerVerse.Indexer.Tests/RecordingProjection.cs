using PowerVerse.Chain.Events;
using PowerVerse.Functions.Indexer;

namespace PowerVerse.Indexer.Tests;

/// <summary>Keeps what it was given, by chain position: what a read-model projection would see.</summary>
internal sealed class RecordingProjection : IEventProjection
{
    private readonly SortedDictionary<(System.Numerics.BigInteger, long), DecodedEvent> _events = [];

    public int Applied { get; private set; }

    public int Resets { get; private set; }

    public IReadOnlyList<DecodedEvent> Events => _events.Values.ToList();

    /// <summary>Throws after this many applications (a crash mid-way), once.</summary>
    public int? CrashAfter { get; set; }

    public Task ApplyAsync(DecodedEvent chainEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chainEvent);
        if (CrashAfter is { } limit && Applied >= limit)
        {
            CrashAfter = null;
            throw new InvalidOperationException("simulated crash");
        }

        Applied++;
        _events[chainEvent.Position] = chainEvent;
        return Task.CompletedTask;
    }

    public Task ResetAsync(CancellationToken cancellationToken)
    {
        Resets++;
        _events.Clear();
        return Task.CompletedTask;
    }
}
