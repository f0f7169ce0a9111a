namespace PowerVerse.GpuAgent.Backends;

/// <summary>
/// Merges the findings of nonce chunks searched out of order into "the first <c>shares</c> valid nonces from
/// the start": chunk k covers [start + k·size, start + (k+1)·size), and only once every chunk below k is
/// done can chunk k's nonces be counted. Complete when the done prefix holds enough shares.
/// </summary>
internal sealed class ChunkedShareCollector(int shares)
{
    private readonly Dictionary<long, IReadOnlyList<ulong>> _pending = [];
    private readonly List<ulong> _prefix = [];
    private readonly object _gate = new();
    private long _frontier;

    public bool IsComplete { get; private set; }

    /// <summary>Records a finished chunk; returns true once the answer is known.</summary>
    public bool Complete(long chunk, IReadOnlyList<ulong> found)
    {
        lock (_gate)
        {
            _pending[chunk] = found;
            while (!IsComplete && _pending.Remove(_frontier, out var next))
            {
                _prefix.AddRange(next);
                _frontier++;
                IsComplete = _prefix.Count >= shares;
            }

            return IsComplete;
        }
    }

    /// <summary>True when a chunk's findings can still matter (no earlier chunk has completed the answer).</summary>
    public bool Wants(long chunk)
    {
        lock (_gate)
        {
            return !IsComplete || chunk < _frontier;
        }
    }

    public IReadOnlyList<ulong> Result()
    {
        lock (_gate)
        {
            return IsComplete ? _prefix.Take(shares).ToArray() : throw new InvalidOperationException("Not enough shares yet.");
        }
    }
}
