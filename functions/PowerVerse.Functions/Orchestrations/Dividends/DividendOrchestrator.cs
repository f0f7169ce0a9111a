using System.Globalization;
using System.Numerics;
using Microsoft.DurableTask;
using PowerVerse.Domain.Dividends;
using PowerVerse.Functions.Orchestrations.Relaying;

namespace PowerVerse.Functions.Orchestrations.Dividends;

/// <summary>
/// A month's dividend (DESIGN §3), instance <c>dividend-&lt;yyyymm&gt;</c>: snapshot of the read model as of the month's
/// end → per-account scores → Merkle tree → the settler posts the root → every leaf stored with its proof → the settler
/// approves and funds the epoch with exactly the tree's total → indexed. A month already funded is left as it is;
/// every chain effect is keyed, so a step run again sends nothing new.
/// </summary>
public sealed class DividendOrchestrator : TaskOrchestrator<DividendRequest, DividendOutput>
{
    public const string Name = "Dividend";

    public static string InstanceId(DividendPeriod period) => $"dividend-{period}";

    public override async Task<DividendOutput> RunAsync(TaskOrchestrationContext context, DividendRequest input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var retry = RelaySteps.Retry;
        var period = DividendPeriod.From(input.Period).Value;

        context.SetCustomStatus(DividendSteps.Checking);
        var existing = await RelaySteps.CallAsync<EpochState>(context, DividendEpochStateActivity.Name, period, retry);
        if (existing.Funded)
        {
            context.SetCustomStatus(WorkflowSteps.Done);
            return new DividendOutput(period, "already-funded", existing.Epoch, existing.Root, existing.Token, string.Empty, existing.Total, string.Empty, []);
        }

        context.SetCustomStatus(DividendSteps.Snapshot);
        var snapshot = await RelaySteps.CallAsync<DividendSnapshot>(context, DividendSnapshotActivity.Name, period, retry);

        context.SetCustomStatus(DividendSteps.Scoring);
        var allocation = DividendScores.Allocate(
            Number(snapshot.Pool),
            snapshot.Resources.Select(r => new ResourceMonth(r.Account, Number(r.Vid), Number(r.Score), r.ListedOrRented, r.Online)),
            snapshot.ViolatingAccounts);
        var accounts = allocation.Accounts.Select(a => new AccountDividendView(a.Account, Text(a.Score), a.Violation, Text(a.Amount))).ToList();
        if (allocation.Total.IsZero)
        {
            context.SetCustomStatus(WorkflowSteps.Done);
            return new DividendOutput(period, "nothing-to-pay", "0", string.Empty, snapshot.Token, snapshot.Pool, "0", Text(allocation.TotalScore), accounts);
        }

        context.SetCustomStatus(DividendSteps.Tree);
        var tree = DividendTree.Build(allocation.Leaves);
        var total = Text(tree.Total);
        var leaves = tree.Leaves.Select(l => new LeafAmount(l.Account, Text(l.Amount))).ToList();

        context.SetCustomStatus(DividendSteps.Posting);
        var epoch = await RelaySteps.CallAsync<string>(context, PostDividendEpochActivity.Name, new PostEpochInput(period, tree.RootHex, snapshot.Token, total), retry);

        context.SetCustomStatus(DividendSteps.StoringProofs);
        await RelaySteps.CallAsync<int>(context, StoreDividendLeavesActivity.Name, new StoreLeavesInput(epoch, leaves), retry);

        var fund = new FundEpochInput(period, epoch, snapshot.Token, total);
        context.SetCustomStatus(DividendSteps.Approving);
        await RelaySteps.CallAsync<bool>(context, ApproveDividendActivity.Name, fund, retry);

        context.SetCustomStatus(DividendSteps.Funding);
        var block = await RelaySteps.CallAsync<long>(context, FundDividendEpochActivity.Name, fund, retry);

        context.SetCustomStatus(WorkflowSteps.Indexing);
        await RelaySteps.CallAsync<long>(context, IndexActivity.Name, block, retry);
        context.SetCustomStatus(WorkflowSteps.Done);
        return new DividendOutput(period, "funded", epoch, tree.RootHex, snapshot.Token, snapshot.Pool, total, Text(allocation.TotalScore), accounts);
    }

    private static BigInteger Number(string text) => BigInteger.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);

    private static string Text(BigInteger value) => value.ToString(CultureInfo.InvariantCulture);
}
