using Nethereum.ABI.ABIDeserialisation;
using Nethereum.ABI.Model;
using Nethereum.Contracts;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.RPC.Eth.DTOs;

namespace PowerVerse.Chain.Events;

/// <summary>
/// Every event of the PowerVerse contracts (contracts/abi, embedded at build) by its topic, so the indexer decodes any
/// log without a hand-written DTO per event. Several contracts share an interface's events: same topic, same shape.
/// One signature can also have two shapes — ERC-20's and ERC-721's <c>Transfer(address,address,uint256)</c> differ
/// in which arguments are indexed — so an event is found by its topic and its number of indexed arguments.
/// </summary>
public sealed class EventRegistry
{
    private static readonly Lazy<EventRegistry> ContractsLazy = new(() => new EventRegistry(EmbeddedAbis.Read()));

    private readonly Dictionary<string, EventABI> _events = new(StringComparer.Ordinal);

    public EventRegistry(IEnumerable<string> abiJsons)
    {
        ArgumentNullException.ThrowIfNull(abiJsons);
        var deserialiser = new ABIJsonDeserialiser();
        foreach (var abi in abiJsons)
        {
            foreach (var e in deserialiser.DeserialiseContract(abi).Events)
            {
                _events.TryAdd(Key(e.Sha3Signature, e.InputParameters.Count(p => p.Indexed)), e);
            }
        }
    }

    public static EventRegistry Contracts => ContractsLazy.Value;

    /// <summary>Decodes a log of a known event; null for a log no contract declares (or an anonymous one).</summary>
    public DecodedEvent? Decode(FilterLog log)
    {
        ArgumentNullException.ThrowIfNull(log);
        if (log.Topics is not { Length: > 0 } || !_events.TryGetValue(Key(log.Topics[0].ToString()!, log.Topics.Length - 1), out var abi))
        {
            return null;
        }

        var decoded = abi.DecodeEventDefaultTopics(log);
        return new DecodedEvent(
            abi.Name,
            log.Address,
            decoded.Event.ToDictionary(p => p.Parameter.Name, p => (object?)p.Result),
            log.BlockNumber.Value,
            log.BlockHash,
            log.TransactionHash,
            (long)log.LogIndex.Value);
    }

    private static string Key(string topic, int indexed) => topic.EnsureHexPrefix().ToLowerInvariant() + "/" + indexed.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
