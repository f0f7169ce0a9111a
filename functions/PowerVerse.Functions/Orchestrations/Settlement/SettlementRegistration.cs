using Azure.Data.Tables;
using Microsoft.DurableTask;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.DependencyInjection;
using Nethereum.Web3;
using PowerVerse.Chain.Deployment;
using PowerVerse.Chain.Transactions;
using PowerVerse.Functions.Orchestrations.Proofs;
using PowerVerse.Functions.ReadModel;
using PowerVerse.Functions.Writes;

namespace PowerVerse.Functions.Orchestrations.Settlement;

/// <summary>Settlement's services (the timer's scheduler, the chain it acts on, the read-model queries it starts from) and its Durable tasks.</summary>
public static class SettlementRegistration
{
    /// <summary>Needs what <c>AddChainIndexer</c>, <c>AddReadModel</c>, <c>AddWrites</c> and <c>AddProofs</c> (the challenger) register.</summary>
    public static IServiceCollection AddSettlement(this IServiceCollection services)
    {
        services.AddSingleton(s => new SettlementChain(
            s.GetRequiredService<IWeb3>(), s.GetRequiredService<DeploymentManifest>(), s.GetRequiredService<Challenger>(),
            new TableNonceJournal(s.GetRequiredService<IAzureClientFactory<TableServiceClient>>().CreateClient(ReadModelRegistration.ConnectionName).GetTableClient(WriteRegistration.JournalTable))));
        services.AddSingleton(s => new DueEscrows(s.GetRequiredService<ReadModelTables>()));
        services.AddSingleton(s => new RentalProofs(s.GetRequiredService<ReadModelTables>()));
        services.AddSingleton<SettlementScheduler>();
        return services;
    }

    public static void AddSettlementTasks(this DurableTaskRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry.AddOrchestrator<SettlementOrchestrator>(SettlementOrchestrator.Name);
        registry.AddActivity<SettlementProofsActivity>(SettlementProofsActivity.Name);
        registry.AddActivity<SettlementExpireActivity>(SettlementExpireActivity.Name);
        registry.AddActivity<RefundActivity>(RefundActivity.Name);
        registry.AddActivity<SettleActivity>(SettleActivity.Name);
    }
}
