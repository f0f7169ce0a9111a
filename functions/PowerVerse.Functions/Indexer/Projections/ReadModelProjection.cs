using Microsoft.Extensions.Logging;
using Nethereum.Web3;
using PowerVerse.Chain.Deployment;
using PowerVerse.Chain.Events;
using PowerVerse.Functions.ReadModel;
using PowerVerse.Functions.ReadModel.Writing;
using static PowerVerse.Functions.Indexer.Projections.ContractNames;
using Handler = System.Func<PowerVerse.Chain.Events.DecodedEvent, System.Threading.CancellationToken, System.Threading.Tasks.Task>;

namespace PowerVerse.Functions.Indexer.Projections;

/// <summary>
/// The read model (DESIGN §3) from the PowerVerse contracts' events: each event, found by the contract that emitted it
/// and its name, goes to the rows it changes, which are rewritten from the event and the chain's state at its block.
/// Events the read model has no screen for (roles, governance, fees, votes) are ignored.
/// </summary>
internal sealed class ReadModelProjection : IEventProjection
{
    private readonly ReadModelWriter _writer;
    private readonly ChainReader _chain;
    private readonly Dictionary<string, string> _contractOf;
    private readonly Dictionary<(string Contract, string Event), Handler> _handlers;
    private bool _tablesReady;

    public ReadModelProjection(IWeb3 web3, DeploymentManifest manifest, EventRegistry events, ReadModelWriter writer, ReadModelTables tables, ILogger<ReadModelProjection> log)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        _writer = writer;
        _chain = new ChainReader(web3, manifest, events);
        _contractOf = manifest.Contracts.ToDictionary(c => c.Value.ToLowerInvariant(), c => c.Key, StringComparer.Ordinal);
        var lookup = new ReadModelLookup(tables);
        var accounts = new AccountRows(_chain, writer, lookup);
        var resources = new ResourceRows(_chain, writer, accounts, log);
        _handlers = Routes(
            new DaoRows(writer), new HardwareRows(_chain, writer, accounts, log), resources,
            new UsageRightRows(_chain, writer, accounts, resources, log), new RevenueRows(_chain, writer, accounts, lookup),
            new MarketRows(_chain, writer, log), new ShareRows(_chain, writer, log), new ProofRows(_chain, writer),
            new DividendRows(_chain, writer, lookup), accounts);
    }

    public async Task ApplyAsync(DecodedEvent chainEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chainEvent);
        if (!_contractOf.TryGetValue(chainEvent.Contract.ToLowerInvariant(), out var contract)
            || !_handlers.TryGetValue((contract, chainEvent.Name), out var handler))
        {
            return;
        }

        if (!_tablesReady)
        {
            await _writer.EnsureTablesAsync(cancellationToken);
            _tablesReady = true;
        }

        await handler(chainEvent, cancellationToken);
    }

    public async Task ResetAsync(CancellationToken cancellationToken)
    {
        await _writer.ClearProjectedAsync(cancellationToken);
        _chain.Clear();
    }

    private static Dictionary<(string, string), Handler> Routes(
        DaoRows dao, HardwareRows hardware, ResourceRows resources, UsageRightRows usage, RevenueRows revenue, MarketRows market,
        ShareRows shares, ProofRows proofs, DividendRows dividends, AccountRows accounts) => new()
    {
        [(PowerParams, "ComputeTypeAdded")] = dao.ComputeTypeAddedAsync,
        [(PowerParams, "GpuModelAdded")] = dao.GpuModelAddedAsync,
        [(PowerParams, "ProofParamsAdded")] = dao.ProofParamsAddedAsync,
        [(PowerParams, "RevenueWeightChanged")] = dao.RevenueWeightChangedAsync,
        [(HardwareRegistry, "HardwareRegistered")] = hardware.ChangedAsync,
        [(HardwareRegistry, "AgentChanged")] = hardware.ChangedAsync,
        [(HardwareRegistry, "Transfer")] = hardware.TransferredAsync,
        [(ProviderStaking, "Staked")] = hardware.ChangedAsync,
        [(ProviderStaking, "UnstakeRequested")] = hardware.ChangedAsync,
        [(ProviderStaking, "Withdrawn")] = hardware.ChangedAsync,
        [(ProviderStaking, "Slashed")] = hardware.ChangedAsync,
        [(ResourceRegistry, "ResourceCreated")] = resources.ChangedAsync,
        [(ResourceRegistry, "ResourceRetired")] = resources.ChangedAsync,
        [(ResourceRegistry, "Transfer")] = resources.TransferredAsync,
        [(UsageRights, "UsageRightCreated")] = usage.CreatedAsync,
        [(UsageRights, "UsageRightRetired")] = usage.RetiredAsync,
        [(UsageRights, "Transfer")] = usage.TransferredAsync,
        [(UsageRights, "UpdateUser")] = usage.UserUpdatedAsync,
        [(RevenueRights, "RevenueRightsMinted")] = resources.ChangedAsync,
        [(RevenueRights, "TransferSingle")] = revenue.TransferSingleAsync,
        [(RevenueRights, "TransferBatch")] = revenue.TransferBatchAsync,
        [(RevenueRights, "IncomeDeposited")] = revenue.DepositedAsync,
        [(RevenueRights, "IncomeClaimed")] = revenue.ClaimedAsync,
        [(ComputeMarket, "Listed")] = market.ListedAsync,
        [(ComputeMarket, "Unlisted")] = market.UnlistedAsync,
        [(ComputeMarket, "Purchased")] = market.PurchasedAsync,
        [(ComputeMarket, "Settled")] = market.OrderChangedAsync,
        [(ComputeMarket, "Refunded")] = market.OrderChangedAsync,
        [(ComputeMarket, "SharesListed")] = shares.ListedAsync,
        [(ComputeMarket, "SharesPurchased")] = shares.PurchasedAsync,
        [(ComputeMarket, "ShareListingCancelled")] = shares.CancelledAsync,
        [(ProofOfCompute, "ChallengeRequested")] = proofs.RequestedAsync,
        [(ProofOfCompute, "ChallengeDispatched")] = proofs.DispatchedAsync,
        [(ProofOfCompute, "ProofVerified")] = proofs.VerifiedAsync,
        [(ProofOfCompute, "ChallengeExpired")] = proofs.ExpiredAsync,
        [(ProofOfCompute, "ChallengeLapsed")] = proofs.LapsedAsync,
        [(DividendDistributor, "EpochPosted")] = dividends.EpochChangedAsync,
        [(DividendDistributor, "EpochFunded")] = dividends.EpochChangedAsync,
        [(DividendDistributor, "EpochReclaimed")] = dividends.EpochChangedAsync,
        [(DividendDistributor, "DividendClaimed")] = dividends.ClaimedAsync,
        [(PowerVerseCoin, "Transfer")] = accounts.TransferTokenAsync,
        [(TestStablecoin, "Transfer")] = accounts.TransferTokenAsync,
    };
}
