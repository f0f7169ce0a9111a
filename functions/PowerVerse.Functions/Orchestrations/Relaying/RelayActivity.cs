using Microsoft.DurableTask;
using PowerVerse.Chain.Errors;
using PowerVerse.Chain.Forwarding;
using PowerVerse.Chain.Transactions;
using PowerVerse.Functions.Writes;

namespace PowerVerse.Functions.Orchestrations.Relaying;

/// <summary>
/// Sends the signed request through the forwarder from the relayer key. The write's id is the journal's idempotency
/// key: run again after a crash, the activity finds the transaction it journalled and sends nothing new, and should
/// one ever be executed twice the forwarder's nonce makes the second revert.
/// </summary>
[DurableTask(Name)]
public sealed class RelayActivity(Relayer relayer, WriteChain chain) : TaskActivity<WriteRequest, RelayedTransaction>
{
    public const string Name = "Relay";

    public override async Task<RelayedTransaction> RunAsync(TaskActivityContext context, WriteRequest input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var sender = await relayer.SenderAsync(CancellationToken.None);
        JournalEntry entry;
        try
        {
            entry = await sender.SendAsync(new TransactionRequest
            {
                To = chain.Forwarder.Address,
                Data = ForwarderClient.ExecuteCalldata(input.ToForwardRequestData()),
                Key = input.Id,
            });
        }
        catch (ContractRevertedException ex)
        {
            throw await Rejections.ExplainAsync(chain, input, ex) ?? throw new WriteRejectedException($"The forwarder refuses the request: {ex.Message}", ex);
        }
        catch (TransactionRejectedException ex)
        {
            throw await Rejections.ExplainAsync(chain, input, ex) ?? throw new WriteRejectedException($"The node refused the relayed transaction: {ex.Message}", ex);
        }

        return new RelayedTransaction(entry.Account, entry.Nonce, entry.TransactionHash);
    }
}
