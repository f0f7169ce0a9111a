using System.Numerics;
using PowerVerse.Ethereum.Abi;
using PowerVerse.Ethereum.Crypto;
using PowerVerse.Ethereum.Rpc;
using PowerVerse.Ethereum.Transactions;

namespace PowerVerse.Ethereum.Contracts;

/// <summary>
/// A deployed contract seen through its ABI: calls, transactions, event decoding and revert decoding.
/// Typed bindings wrap one of these and add named methods.
/// </summary>
public class ContractBinding(EthClient eth, Address address, ContractAbi abi)
{
    public EthClient Eth { get; } = eth ?? throw new ArgumentNullException(nameof(eth));

    public Address Address { get; } = address;

    public ContractAbi Abi { get; } = abi ?? throw new ArgumentNullException(nameof(abi));

    /// <summary>Deploys <paramref name="bytecode"/> with ABI-encoded constructor arguments and waits for the receipt.</summary>
    public static async Task<ContractBinding> DeployAsync(TransactionSender sender, ContractAbi abi, ReadOnlyMemory<byte> bytecode, IReadOnlyList<object?> constructorArguments, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sender);
        ArgumentNullException.ThrowIfNull(abi);
        var data = bytecode.ToArray().Concat(AbiEncoder.Encode(abi.ConstructorInputs, constructorArguments)).ToArray();
        var entry = await sender.SendAsync(new TransactionRequest { Data = data }, cancellationToken);
        var receipt = await sender.WaitForConfirmationsAsync(entry, cancellationToken: cancellationToken);
        if (!receipt.Succeeded || receipt.ContractAddress is not { } deployed)
        {
            throw new ContractRevertException("constructor", null, null, null);
        }

        return new ContractBinding(sender.Eth, deployed, abi);
    }

    public byte[] EncodeCall(string function, params IReadOnlyList<object?> arguments) =>
        Abi.GetFunction(function).EncodeCall(arguments);

    /// <summary>eth_call of a function; returns its decoded outputs.</summary>
    /// <exception cref="ContractRevertException">The call reverted (decoded with this ABI's errors).</exception>
    public async Task<object?[]> CallAsync(string function, IReadOnlyList<object?> arguments, Address? from = null, string block = EthClient.Latest, CancellationToken cancellationToken = default)
    {
        var abiFunction = Abi.GetFunction(function);
        var call = new CallRequest { From = from, To = Address, Data = abiFunction.EncodeCall(arguments) };
        try
        {
            return abiFunction.DecodeOutput(await Eth.CallAsync(call, block, cancellationToken));
        }
        catch (RpcException ex) when (IsRevert(ex))
        {
            throw Revert(abiFunction.Name, ex);
        }
    }

    /// <summary>The single output of a view, cast.</summary>
    public async Task<T> CallAsync<T>(string function, params IReadOnlyList<object?> arguments) =>
        (T)(await CallAsync(function, arguments))[0]!;

    /// <summary>Sends a transaction calling <paramref name="function"/> through <paramref name="sender"/>.</summary>
    /// <exception cref="ContractRevertException">Gas estimation showed that it reverts; nothing was sent.</exception>
    public async Task<JournalEntry> SendAsync(TransactionSender sender, string function, IReadOnlyList<object?> arguments, BigInteger value = default, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sender);
        var abiFunction = Abi.GetFunction(function);
        try
        {
            return await sender.SendAsync(new TransactionRequest { To = Address, Value = value, Data = abiFunction.EncodeCall(arguments) }, cancellationToken);
        }
        catch (RpcException ex) when (IsRevert(ex))
        {
            throw Revert(abiFunction.Name, ex);
        }
    }

    /// <summary>This contract's logs in a receipt, decoded (logs of unknown events are skipped).</summary>
    public IReadOnlyList<DecodedEvent> DecodeEvents(TransactionReceipt receipt)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        return receipt.Logs.Where(l => l.Address == Address).Select(l => Abi.TryDecodeLog(l.Topics, l.Data)).OfType<DecodedEvent>().ToArray();
    }

    /// <summary>Logs of one event over a block range, optionally filtered on indexed values (null: any).</summary>
    public async Task<IReadOnlyList<(LogEntry Log, DecodedEvent Event)>> GetEventsAsync(string eventName, long fromBlock, long toBlock, IReadOnlyList<object?>? indexedValues = null, CancellationToken cancellationToken = default)
    {
        var abiEvent = Abi.GetEvent(eventName);
        var indexed = abiEvent.Inputs.Where(i => i.Indexed).ToArray();
        var topics = new List<IReadOnlyList<byte[]>?> { new[] { abiEvent.Topic0.ToArray() } };
        for (var i = 0; i < (indexedValues?.Count ?? 0); i++)
        {
            topics.Add(indexedValues![i] is { } v ? [AbiEvent.EncodeTopic(indexed[i].Type, v)] : null);
        }

        var logs = await Eth.GetLogsAsync(new LogFilter { FromBlock = fromBlock, ToBlock = toBlock, Addresses = [Address], Topics = topics }, cancellationToken);
        return logs.Select(l => (l, abiEvent.Decode(l.Topics, l.Data))).ToArray();
    }

    /// <summary>Wraps a node error as a revert decoded with this ABI.</summary>
    public ContractRevertException Revert(string function, RpcException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var decoded = error.RevertData is { } data ? Abi.TryDecodeError(data) : null;
        return new ContractRevertException(function, decoded, error.RevertData, error);
    }

    private static bool IsRevert(RpcException ex) =>
        ex.RevertData is not null || ex.NodeMessage.Contains("revert", StringComparison.OrdinalIgnoreCase);
}
