using System.Collections.Concurrent;
using Azure;
using Azure.Data.Tables;

namespace PowerVerse.Functions.ReadModel;

/// <summary>
/// The read model's tables (DESIGN §3, Storage), on the <c>ReadModel</c> storage connection. Names start with
/// <c>rm</c> so they never collide with the app's other tables (nonce journal, cursors, the Durable task hub).
/// The UID market's index is one table per market partition (<c>rmMarket</c> + the partition's letters and digits,
/// e.g. <c>rmMarketpriceg0000000005</c>), created when its first listing is written: Azurite, which the local stack
/// and the tests run on, scans a whole table for every query, so a GPU model's page must not scan every other model's
/// listings; on Azure the split is free (a table is a name, a partition the unit either way).
/// </summary>
internal sealed class ReadModelTables(TableServiceClient service)
{
    public const string ComputeTypesName = "rmComputeTypes";
    public const string GpuModelsName = "rmGpuModels";
    public const string ProofParamsName = "rmProofParams";
    public const string RevenueWeightsName = "rmRevenueWeights";
    public const string HardwareName = "rmHardware";
    public const string AgentsName = "rmAgents";
    public const string ResourcesName = "rmResources";
    public const string UsageRightsName = "rmUsageRights";
    public const string ListingsName = "rmListings";
    public const string MarketPrefix = "rmMarket";
    public const string ShareListingsName = "rmShareListings";
    public const string ShareMarketName = "rmShareMarket";
    public const string UsageOrdersName = "rmUsageOrders";
    public const string RevenueOrdersName = "rmRevenueOrders";
    public const string HoldingsName = "rmHoldings";
    public const string BalancesName = "rmBalances";
    public const string RevenuesName = "rmRevenues";
    public const string ProofsName = "rmProofs";
    public const string ProofsByVidName = "rmProofsByVid";
    public const string RanksName = "rmRanks";
    public const string RankBoardName = "rmRankBoard";
    public const string DividendEpochsName = "rmDividendEpochs";
    public const string DividendsName = "rmDividends";

    public static IReadOnlyList<string> All { get; } =
    [
        ComputeTypesName, GpuModelsName, ProofParamsName, RevenueWeightsName, HardwareName, AgentsName, ResourcesName, UsageRightsName,
        ListingsName, ShareListingsName, ShareMarketName, UsageOrdersName, RevenueOrdersName, HoldingsName,
        BalancesName, RevenuesName, ProofsName, ProofsByVidName, RanksName, RankBoardName, DividendEpochsName, DividendsName,
    ];

    public TableServiceClient Service { get; } = service;

    public TableClient ComputeTypes { get; } = service.GetTableClient(ComputeTypesName);
    public TableClient GpuModels { get; } = service.GetTableClient(GpuModelsName);
    public TableClient ProofParams { get; } = service.GetTableClient(ProofParamsName);
    public TableClient RevenueWeights { get; } = service.GetTableClient(RevenueWeightsName);
    public TableClient Hardware { get; } = service.GetTableClient(HardwareName);
    public TableClient Agents { get; } = service.GetTableClient(AgentsName);
    public TableClient Resources { get; } = service.GetTableClient(ResourcesName);
    public TableClient UsageRights { get; } = service.GetTableClient(UsageRightsName);
    public TableClient Listings { get; } = service.GetTableClient(ListingsName);
    public TableClient ShareListings { get; } = service.GetTableClient(ShareListingsName);
    public TableClient ShareMarket { get; } = service.GetTableClient(ShareMarketName);
    public TableClient UsageOrders { get; } = service.GetTableClient(UsageOrdersName);
    public TableClient RevenueOrders { get; } = service.GetTableClient(RevenueOrdersName);
    public TableClient Holdings { get; } = service.GetTableClient(HoldingsName);
    public TableClient Balances { get; } = service.GetTableClient(BalancesName);
    public TableClient Revenues { get; } = service.GetTableClient(RevenuesName);
    public TableClient Proofs { get; } = service.GetTableClient(ProofsName);
    public TableClient ProofsByVid { get; } = service.GetTableClient(ProofsByVidName);
    public TableClient Ranks { get; } = service.GetTableClient(RanksName);
    public TableClient RankBoard { get; } = service.GetTableClient(RankBoardName);
    public TableClient DividendEpochs { get; } = service.GetTableClient(DividendEpochsName);
    public TableClient Dividends { get; } = service.GetTableClient(DividendsName);

    private readonly ConcurrentDictionary<string, TableClient> _market = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Task> _created = new(StringComparer.Ordinal);

    /// <summary>The market index table of one partition (<c>{order}:{scope}</c>).</summary>
    public TableClient Market(string partition) => _market.GetOrAdd(partition, p => Service.GetTableClient(MarketTableName(p)));

    public static string MarketTableName(string partition) =>
        MarketPrefix + string.Concat((partition ?? throw new ArgumentNullException(nameof(partition))).Where(char.IsAsciiLetterOrDigit));

    /// <summary>Creates a table made on demand (a market partition's) once per process.</summary>
    public Task EnsureCreatedAsync(TableClient table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return _created.GetOrAdd(table.Name, _ => CreateAsync(table));

        async Task CreateAsync(TableClient t)
        {
            try
            {
                await t.CreateIfNotExistsAsync();
            }
            catch
            {
                _created.TryRemove(t.Name, out _);
                throw;
            }
        }
    }

    /// <summary>Every read-model table that exists: the fixed ones and the market partitions' tables.</summary>
    public async Task<IReadOnlyList<string>> NamesAsync(CancellationToken cancellationToken)
    {
        var names = new List<string>(All);
        var filter = TableServiceClient.CreateQueryFilter($"TableName ge {MarketPrefix} and TableName lt {MarketPrefix + "~"}");
        await foreach (var table in Service.QueryAsync(filter, cancellationToken: cancellationToken))
        {
            names.Add(table.Name);
        }

        return names;
    }

    /// <summary>Creates every table that does not exist yet (idempotent).</summary>
    public async Task CreateIfNotExistsAsync(CancellationToken cancellationToken)
    {
        foreach (var name in All)
        {
            await Service.CreateTableIfNotExistsAsync(name, cancellationToken);
        }
    }

    /// <summary>A point read that answers null for a missing row or a table not created yet.</summary>
    public static async Task<T?> FindAsync<T>(TableClient table, string partitionKey, string rowKey, CancellationToken cancellationToken)
        where T : class, ITableEntity
    {
        try
        {
            var response = await table.GetEntityIfExistsAsync<T>(partitionKey, rowKey, cancellationToken: cancellationToken);
            return response.HasValue ? response.Value : null;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }
}
