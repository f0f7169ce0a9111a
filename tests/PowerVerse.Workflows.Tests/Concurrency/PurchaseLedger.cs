using System.Numerics;
using PowerVerse.Workflows.Tests.Support;

namespace PowerVerse.Workflows.Tests.Concurrency;

/// <summary>
/// What a purchase changes, read at one moment: the chain's head, the relayer's nonce, the task hub's workflows and the
/// buyer's tUSD; compared before and after to tell how many purchases, transactions and workflows a test's posts made.
/// </summary>
internal sealed record PurchaseLedger(BigInteger Head, BigInteger RelayerNonce, IReadOnlySet<string> Workflows, BigInteger BuyerBalance)
{
    public static async Task<PurchaseLedger> ReadAsync(LocalStack stack, string buyer) => new(
        await ChainRecord.HeadAsync(stack),
        await ChainRecord.RelayerNonceAsync(stack),
        await TaskHub.InstanceIdsAsync(stack),
        await new ChainViews(stack.Web3, stack.Manifest).TokenBalanceAsync("TestStablecoin", buyer));

    /// <summary>The workflows started since <paramref name="earlier"/>.</summary>
    public IReadOnlyList<string> NewWorkflowsSince(PurchaseLedger earlier)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        return [.. Workflows.Except(earlier.Workflows).Order(StringComparer.Ordinal)];
    }
}
