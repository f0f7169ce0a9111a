using Microsoft.DurableTask;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PowerVerse.Functions.AgentAccess;
using PowerVerse.Functions.Indexer;
using PowerVerse.Functions.Orchestrations;
using PowerVerse.Functions.Orchestrations.Dividends;
using PowerVerse.Functions.Orchestrations.Proofs;
using PowerVerse.Functions.Orchestrations.Purchase;
using PowerVerse.Functions.Orchestrations.Relaying;
using PowerVerse.Functions.Orchestrations.Settlement;
using PowerVerse.Functions.ReadModel;
using PowerVerse.Functions.Writes;

namespace PowerVerse.Functions.Hosting;

/// <summary>
/// What the app registers, shared by its two hosts (DESIGN §3): the Functions host through Program.cs, the local
/// host through PowerVerse.LocalHost. One list of services and one list of Durable tasks, declared here only.
/// </summary>
public static class FunctionsApp
{
    public static void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton(TimeProvider.System);
        services.AddReadModel(configuration);
        services.AddChainIndexer(configuration);
        services.AddWrites(configuration);
        services.AddDividends(configuration);
        services.AddSettlement();
        services.AddProofs(configuration);
        services.AddAgentAccess(configuration);
    }

    /// <summary>The app's orchestrators and activities (class-based <c>TaskOrchestrator</c>/<c>TaskActivity</c>).</summary>
    public static void AddTasks(DurableTaskRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);

        // One workflow per write, named after it: the purchase has its own; the others end on chain.
        foreach (var action in WriteActions.All)
        {
            registry.AddOrchestrator(action.Name, action == WriteActions.Purchase ? typeof(PurchaseOrchestrator)
                : action == WriteActions.RequestProof ? typeof(ProofOrchestrator) : typeof(WriteOrchestrator));
        }

        // The platform's own proofs (a purchase's first, the cadence) run the same workflow as a user's.
        registry.AddOrchestrator<ProofOrchestrator>(ProofRequest.PlatformWorkflow);

        registry.AddActivity<RelayActivity>(RelayActivity.Name);
        registry.AddActivity<ConfirmActivity>(ConfirmActivity.Name);
        registry.AddActivity<IndexActivity>(IndexActivity.Name);
        registry.AddActivity<GrantActivity>(GrantActivity.Name);
        registry.AddActivity<RecordAccessActivity>(RecordAccessActivity.Name);

        // The monthly dividend.
        registry.AddOrchestrator<DividendOrchestrator>(DividendOrchestrator.Name);
        registry.AddActivity<DividendEpochStateActivity>(DividendEpochStateActivity.Name);
        registry.AddActivity<DividendSnapshotActivity>(DividendSnapshotActivity.Name);
        registry.AddActivity<PostDividendEpochActivity>(PostDividendEpochActivity.Name);
        registry.AddActivity<StoreDividendLeavesActivity>(StoreDividendLeavesActivity.Name);
        registry.AddActivity<ApproveDividendActivity>(ApproveDividendActivity.Name);
        registry.AddActivity<FundDividendEpochActivity>(FundDividendEpochActivity.Name);

        // Settlement and SLA refunds.
        registry.AddSettlementTasks();

        // Proofs of compute.
        registry.AddActivity<RequestChallengeActivity>(RequestChallengeActivity.Name);
        registry.AddActivity<DispatchActivity>(DispatchActivity.Name);
        registry.AddActivity<ChallengeActivity>(ChallengeActivity.Name);
        registry.AddActivity<ChainTimeActivity>(ChainTimeActivity.Name);
        registry.AddActivity<VerifyActivity>(VerifyActivity.Name);
        registry.AddActivity<SubmitActivity>(SubmitActivity.Name);
        registry.AddActivity<ExpireActivity>(ExpireActivity.Name);
        registry.AddActivity<SlashActivity>(SlashActivity.Name);
    }
}
