using System.Collections.Concurrent;
using System.Numerics;
using Nethereum.ABI.FunctionEncoding;
using Nethereum.Contracts;
using Nethereum.Hex.HexTypes;
using Nethereum.JsonRpc.Client;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.Web3;
using PowerVerse.Chain.Deployment;
using PowerVerse.Chain.Events;

namespace PowerVerse.Functions.Indexer.Projections;

/// <summary>
/// What the projections read from the chain besides the event: the contracts' views, each at the event's block, so a
/// projection is a function of the event and the chain's history alone — applying it twice, or replaying the journal
/// after a reset, writes the same rows whenever it runs. (Replaying old events needs a node that serves the state of
/// those blocks: an archive node, or a local one.) A view that reverts — a token not minted yet or burned — reads as
/// null; any other RPC error propagates, so the indexer retries the block rather than write a guess.
/// </summary>
internal sealed partial class ChainReader(IWeb3 web3, DeploymentManifest manifest, EventRegistry events)
{
    public const string ZeroAddress = "0x0000000000000000000000000000000000000000";

    // Immutable facts (block times, creation events, token symbols) are cached; a reorg clears the cache with the read model.
    private readonly ConcurrentDictionary<BigInteger, DateTimeOffset> _blockTimes = new();
    private readonly ConcurrentDictionary<string, object> _facts = new(StringComparer.Ordinal);

    public DeploymentManifest Manifest => manifest;

    public static bool IsZero(string? address) =>
        string.IsNullOrEmpty(address) || string.Equals(address, ZeroAddress, StringComparison.OrdinalIgnoreCase);

    /// <summary>Forgets every cached fact (after a reorg the same ids may stand for other tokens).</summary>
    public void Clear()
    {
        _blockTimes.Clear();
        _facts.Clear();
    }

    /// <summary>The block's timestamp.</summary>
    public async Task<DateTimeOffset> BlockTimeAsync(BigInteger block)
    {
        if (_blockTimes.TryGetValue(block, out var time))
        {
            return time;
        }

        var header = await web3.Eth.Blocks.GetBlockWithTransactionsHashesByNumber.SendRequestAsync(new HexBigInteger(block));
        time = DateTimeOffset.FromUnixTimeSeconds((long)header.Timestamp.Value);
        if (_blockTimes.Count > 4096)
        {
            _blockTimes.Clear();
        }

        _blockTimes[block] = time;
        return time;
    }

    /// <summary>A view returning a struct (or several values), at <paramref name="block"/>; null when it reverts.</summary>
    public async Task<TOutput?> QueryAsync<TFunction, TOutput>(string contract, TFunction function, BigInteger block)
        where TFunction : FunctionMessage, new()
        where TOutput : class, Nethereum.ABI.FunctionEncoding.Attributes.IFunctionOutputDTO, new()
    {
        try
        {
            return await web3.Eth.GetContractQueryHandler<TFunction>()
                .QueryDeserializingToObjectAsync<TOutput>(function, manifest[contract], At(block));
        }
        catch (Exception ex) when (IsRevert(ex))
        {
            return null;
        }
    }

    /// <summary>A view returning one value, at <paramref name="block"/>; <c>(false, default)</c> when it reverts.</summary>
    public async Task<(bool Found, TValue Value)> ValueAsync<TFunction, TValue>(string contractAddress, TFunction function, BigInteger block)
        where TFunction : FunctionMessage, new()
    {
        try
        {
            return (true, await web3.Eth.GetContractQueryHandler<TFunction>().QueryAsync<TValue>(contractAddress, function, At(block)));
        }
        catch (Exception ex) when (IsRevert(ex))
        {
            return (false, default!);
        }
    }

    /// <summary>
    /// The logs of one event of a contract up to <paramref name="block"/>, filtered by its indexed arguments
    /// (<paramref name="topics"/>: null matches any), in chain order.
    /// </summary>
    public async Task<IReadOnlyList<DecodedEvent>> LogsAsync(string contract, string signature, BigInteger block, params string?[] topics)
    {
        var filter = new NewFilterInput
        {
            Address = [manifest[contract]],
            FromBlock = new BlockParameter(new HexBigInteger(manifest.FirstBlock)),
            ToBlock = At(block),
            Topics = [Topic.OfSignature(signature), .. topics.Cast<object?>()],
        };
        var logs = await web3.Eth.Filters.GetLogs.SendRequestAsync(filter);
        return logs.Select(events.Decode).OfType<DecodedEvent>().OrderBy(e => e.Position).ToList();
    }

    /// <summary>A cached fact, computed once per key (and again after <see cref="Clear"/>).</summary>
    private async Task<T> FactAsync<T>(string key, Func<Task<T>> read)
        where T : class
    {
        if (_facts.TryGetValue(key, out var known))
        {
            return (T)known;
        }

        var fact = await read();
        _facts[key] = fact;
        return fact;
    }

    private static BlockParameter At(BigInteger block) => new(new HexBigInteger(block));

    // Nethereum raises a typed exception for a revert with data; a node may also answer a plain JSON-RPC error.
    private static bool IsRevert(Exception exception) => exception switch
    {
        SmartContractRevertException or SmartContractCustomErrorRevertException => true,
        RpcResponseException rpc => rpc.RpcError?.Message?.Contains("revert", StringComparison.OrdinalIgnoreCase) == true,
        _ => false,
    };
}
