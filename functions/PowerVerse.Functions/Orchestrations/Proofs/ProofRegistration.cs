using System.Security.Cryptography;
using Azure.Data.Tables;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Nethereum.Web3;
using PowerVerse.Chain.Deployment;
using PowerVerse.Chain.Keys;
using PowerVerse.Chain.Transactions;
using PowerVerse.Functions.Orchestrations.Relaying;
using PowerVerse.Functions.ReadModel;
using PowerVerse.Functions.Writes;

namespace PowerVerse.Functions.Orchestrations.Proofs;

/// <summary>
/// The proof side: its options (section <c>Proofs</c>), the challenger (platform key, the same Table journal as the
/// relayer, its own partition), the challenges table and the cadence. Needs what <c>AddWrites</c> registers.
/// </summary>
public static class ProofRegistration
{
    public static IServiceCollection AddProofs(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSingleton(configuration.GetSection("Proofs").Get<ProofOptions>() ?? new ProofOptions());
        services.AddSingleton(RandomNumberGenerator.Create());
        services.AddSingleton(s => new Challenger(
            s.GetRequiredService<IWeb3>(), s.GetRequiredService<DeploymentManifest>(), s.GetRequiredService<IPlatformKeys>(),
            new TableNonceJournal(Tables(s).GetTableClient(WriteRegistration.JournalTable)), s.GetRequiredService<TransactionSenderOptions>(),
            s.GetRequiredService<RelayOptions>(), s.GetRequiredService<TimeProvider>()));
        services.AddSingleton(s => new ChallengeStore(Tables(s).GetTableClient(ChallengeStore.TableName)));
        services.AddSingleton(s => new ProofCadence(s.GetRequiredService<ReadModelTables>(), s.GetRequiredService<Challenger>(), s.GetRequiredService<ProofOptions>()));
        return services;
    }

    private static TableServiceClient Tables(IServiceProvider services) =>
        services.GetRequiredService<IAzureClientFactory<TableServiceClient>>().CreateClient(ReadModelRegistration.ConnectionName);
}
