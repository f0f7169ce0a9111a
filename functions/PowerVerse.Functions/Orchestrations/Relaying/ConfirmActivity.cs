using Microsoft.DurableTask;
using Nethereum.Contracts;
using Nethereum.RPC.Eth.DTOs;
using PowerVerse.Chain.Events;
using PowerVerse.Functions.Writes;

namespace PowerVerse.Functions.Orchestrations.Relaying;

/// <summary>
/// Waits until the relayed transaction has its confirmations (rebroadcasting or re-pricing it meanwhile) and reads
/// what it did: the action's event, or why the forwarder reverted it.
/// </summary>
[DurableTask(Name)]
public sealed class ConfirmActivity(Relayer relayer, WriteChain chain, RelayOptions options) : TaskActivity<WriteRequest, WriteOutput>
{
    public const string Name = "Confirm";

    public override async Task<WriteOutput> RunAsync(TaskActivityContext context, WriteRequest input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var sender = await relayer.SenderAsync(CancellationToken.None);
        var entry = await relayer.Journal.FindByKeyAsync(sender.Address, input.Id)
            ?? throw new InvalidOperationException($"The relayer's journal has no transaction for write {input.Id}.");
        using var timeout = new CancellationTokenSource(options.ConfirmTimeout);
        var receipt = await sender.WaitForConfirmationsAsync(entry, cancellationToken: timeout.Token);
        if (!receipt.Succeeded())
        {
            var reason = await Rejections.ExplainAsync(chain, input, new InvalidOperationException($"Transaction {receipt.TransactionHash} reverted."));
            throw reason ?? new WriteRejectedException($"The relayed transaction {receipt.TransactionHash} reverted.");
        }

        var action = WriteActions.ByName(input.Action);
        var main = receipt.Logs.Select(EventRegistry.Contracts.Decode).OfType<DecodedEvent>().FirstOrDefault(e => e.Name == action.MainEvent)
            ?? throw new WriteRejectedException($"Transaction {receipt.TransactionHash} succeeded without emitting {action.MainEvent}.");
        return new WriteOutput(receipt.TransactionHash, (long)receipt.BlockNumber.Value, main.Name, EventArguments.Format(main.Arguments));
    }
}
