using PowerVerse.Chain.Contracts;
using PowerVerse.Functions.Orchestrations.Proofs;

namespace PowerVerse.Functions.Writes;

/// <summary>Every write route of DESIGN §4.</summary>
public static class WriteActions
{
    public static readonly WriteAction RegisterHardware = new(
        "RegisterHardware", "hardware", "HardwareRegistry", "HardwareRegistered", [WriteFunction.Of<RegisterHardwareFunction>()]);

    public static readonly WriteAction CreateResource = new(
        "CreateResource", "resources", "ResourceRegistry", "ResourceCreated", [WriteFunction.Of<CreateResourceFunction>()]);

    public static readonly WriteAction CreateUsageRight = new(
        "CreateUsageRight", "usage-rights", "UsageRights", "UsageRightCreated", [WriteFunction.Of<CreateUsageRightFunction>()]);

    /// <summary>A plain listing, or a VID's first listing, which names the beneficiaries its RID is minted to.</summary>
    public static readonly WriteAction ListUsageRight = new(
        "ListUsageRight", "market/listings", "ComputeMarket", "Listed",
        [WriteFunction.Of<ListFunction>(), WriteFunction.Of<ListWithRevenueRightsFunction>()]);

    public static readonly WriteAction Purchase = new(
        "Purchase", "market/purchases", "ComputeMarket", "Purchased", [WriteFunction.Of<BuyFunction>()]);

    public static readonly WriteAction ClaimRevenue = new(
        "ClaimRevenue", "revenue/claims", "RevenueRights", "IncomeClaimed", [WriteFunction.Of<ClaimIncomeFunction>()]);

    public static readonly WriteAction ListRevenueRights = new(
        "ListRevenueRights", "market/revenue-listings", "ComputeMarket", "SharesListed", [WriteFunction.Of<ListSharesFunction>()]);

    public static readonly WriteAction BuyRevenueRights = new(
        "BuyRevenueRights", "market/revenue-purchases", "ComputeMarket", "SharesPurchased", [WriteFunction.Of<BuySharesFunction>()]);

    /// <summary>An account's dividend of an epoch, with its Merkle proof (anyone may send it; the account is paid).</summary>
    public static readonly WriteAction ClaimDividend = new(
        "ClaimDividend", "dividends/claims", "DividendDistributor", "DividendClaimed", [WriteFunction.Of<ClaimDividendFunction>()]);

    /// <summary>A proof of compute asked by the VID's live UID's user or its provider; the proof workflow carries it past the request.</summary>
    public static readonly WriteAction RequestProof = new(
        ProofRequest.UserWorkflow, "proofs", "ProofOfCompute", "ChallengeRequested", [WriteFunction.Of<RequestChallengeFunction>()])
    {
        StartInput = ProofRequest.Relayed,
    };

    public static IReadOnlyList<WriteAction> All { get; } =
        [RegisterHardware, CreateResource, CreateUsageRight, ListUsageRight, Purchase, ClaimRevenue, ListRevenueRights, BuyRevenueRights, ClaimDividend, RequestProof];

    public static WriteAction ByName(string name) =>
        All.FirstOrDefault(a => a.Name == name) ?? throw new ArgumentException($"No write action is named '{name}'.", nameof(name));
}
