using System.Collections;
using System.Numerics;
using PowerVerse.Chain.Events;
using PowerVerse.Functions.ReadModel;

namespace PowerVerse.Functions.Indexer.Projections;

/// <summary>Helpers over a decoded event: the stamp its rows carry, and its array arguments.</summary>
internal static class EventStamp
{
    /// <summary>The (block, transaction, log index) stamp of rows the event writes.</summary>
    public static ChainEvent Source(this DecodedEvent e) => new((long)e.BlockNumber, e.TransactionHash, (int)e.LogIndex);

    /// <summary>A <c>uint256[]</c> argument (Nethereum decodes it as a list of boxed numbers).</summary>
    public static IReadOnlyList<BigInteger> Numbers(this DecodedEvent e, string name) =>
        ((IEnumerable)e.Arguments[name]!).Cast<object>().Select(v => v is BigInteger big ? big : new BigInteger(Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture))).ToList();
}
