using PowerVerse.Chain.Events;

namespace PowerVerse.Functions.Indexer;

/// <summary>
/// Turns contract events into read-model rows. Applying the same event twice changes nothing (the indexer may
/// deliver an event again after a crash); <see cref="ResetAsync"/> forgets everything, before the indexer replays
/// its journal after a reorg.
/// </summary>
public interface IEventProjection
{
    Task ApplyAsync(DecodedEvent chainEvent, CancellationToken cancellationToken);

    Task ResetAsync(CancellationToken cancellationToken);
}
