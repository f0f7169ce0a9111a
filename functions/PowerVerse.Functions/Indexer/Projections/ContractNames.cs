namespace PowerVerse.Functions.Indexer.Projections;

/// <summary>The contracts by their deployment-manifest names.</summary>
internal static class ContractNames
{
    public const string PowerParams = "PowerParams";
    public const string HardwareRegistry = "HardwareRegistry";
    public const string ResourceRegistry = "ResourceRegistry";
    public const string UsageRights = "UsageRights";
    public const string RevenueRights = "RevenueRights";
    public const string ComputeMarket = "ComputeMarket";
    public const string ProviderStaking = "ProviderStaking";
    public const string ProofOfCompute = "ProofOfCompute";
    public const string DividendDistributor = "DividendDistributor";
    public const string PowerVerseCoin = "PowerVerseCoin";
    public const string TestStablecoin = "TestStablecoin";
}
