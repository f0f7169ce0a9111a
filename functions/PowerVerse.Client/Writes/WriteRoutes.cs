namespace PowerVerse.Client.Writes;

/// <summary>
/// The write routes of the API (DESIGN §4): each takes one signed ForwardRequest for exactly its action and answers
/// <c>202</c> with <c>Location: /api/workflows/{id}</c>.
/// </summary>
public static class WriteRoutes
{
    /// <summary><c>HardwareRegistry.register</c>, with the agent's device attestation in its calldata.</summary>
    public const string Hardware = "/api/hardware";

    /// <summary><c>ResourceRegistry.create</c>.</summary>
    public const string Resources = "/api/resources";

    /// <summary><c>UsageRights.create</c>.</summary>
    public const string UsageRights = "/api/usage-rights";

    /// <summary><c>ComputeMarket.list</c> or <c>listWithRevenueRights</c> (a VID's first listing).</summary>
    public const string Listings = "/api/market/listings";

    /// <summary><c>ComputeMarket.buy</c>; the body may carry the buyer's <c>sshPublicKey</c>.</summary>
    public const string Purchases = "/api/market/purchases";

    /// <summary><c>RevenueRights.claim</c>.</summary>
    public const string RevenueClaims = "/api/revenue/claims";

    /// <summary><c>ComputeMarket.listShares</c>.</summary>
    public const string RevenueListings = "/api/market/revenue-listings";

    /// <summary><c>ComputeMarket.buyShares</c>.</summary>
    public const string RevenuePurchases = "/api/market/revenue-purchases";

    /// <summary><c>DividendDistributor.claim</c>, with the amount and proof <c>GET /api/dividends/{epoch}/{address}</c> serves.</summary>
    public const string DividendClaims = "/api/dividends/claims";

    /// <summary>
    /// <c>ProofOfCompute.requestChallenge</c>, by the live UID's user or the VID's provider; its workflow is the proof,
    /// whose output is a proof's (not <see cref="Api.WorkflowOutput"/>).
    /// </summary>
    public const string Proofs = "/api/proofs";

    /// <summary>
    /// The market's and assets' routes, whose workflows end on chain with the action's event (every write but
    /// <see cref="Proofs"/>, whose workflow is a proof's, and <see cref="DividendClaims"/>, whose body needs an epoch's tree).
    /// </summary>
    public static IReadOnlyList<string> All { get; } =
        [Hardware, Resources, UsageRights, Listings, Purchases, RevenueClaims, RevenueListings, RevenuePurchases];
}
