using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using PowerVerse.Functions.Http.Api;
using PowerVerse.Functions.OpenApi;
using PowerVerse.Views;
using PowerVerse.Functions.Writes;

namespace PowerVerse.Functions.Http;

/// <summary>
/// The writes of DESIGN §4 (seed 000's provider, buyer and revenue-holder actions): each body is the user's signed
/// ERC-2771 ForwardRequest for exactly that action; each answers 202 and a workflow carries it to its end. The
/// functions are named Post… because each workflow is a function of the app too, named after its action.
/// </summary>
public sealed class WriteFunctions(WriteGate gate, ILogger<WriteFunctions> log)
{
    [Function("PostRegisterHardware")]
    [ApiOperation("writes", "Register a GPU as an HID (HardwareRegistry.register, with the agent's device attestation).", typeof(WriteAcceptedView), Request = typeof(WriteBodyView))]
    public Task<IResult> PostRegisterHardware(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "hardware")] HttpRequest request,
        [DurableClient] DurableTaskClient workflows, CancellationToken cancellationToken) =>
        WriteHandler.RunAsync(request, WriteActions.RegisterHardware, gate, workflows, log, cancellationToken);

    [Function("PostCreateResource")]
    [ApiOperation("writes", "Create a resource (VID) on an HID (ResourceRegistry.create).", typeof(WriteAcceptedView), Request = typeof(WriteBodyView))]
    public Task<IResult> PostCreateResource(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "resources")] HttpRequest request,
        [DurableClient] DurableTaskClient workflows, CancellationToken cancellationToken) =>
        WriteHandler.RunAsync(request, WriteActions.CreateResource, gate, workflows, log, cancellationToken);

    [Function("PostCreateUsageRight")]
    [ApiOperation("writes", "Create a usage right (UID) on a free VID (UsageRights.create).", typeof(WriteAcceptedView), Request = typeof(WriteBodyView))]
    public Task<IResult> PostCreateUsageRight(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "usage-rights")] HttpRequest request,
        [DurableClient] DurableTaskClient workflows, CancellationToken cancellationToken) =>
        WriteHandler.RunAsync(request, WriteActions.CreateUsageRight, gate, workflows, log, cancellationToken);

    [Function("PostListUsageRight")]
    [ApiOperation("writes", "List a UID (ComputeMarket.list; a VID's first listing, listWithRevenueRights, mints its RID to the beneficiaries).", typeof(WriteAcceptedView), Request = typeof(WriteBodyView))]
    public Task<IResult> PostListUsageRight(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "market/listings")] HttpRequest request,
        [DurableClient] DurableTaskClient workflows, CancellationToken cancellationToken) =>
        WriteHandler.RunAsync(request, WriteActions.ListUsageRight, gate, workflows, log, cancellationToken);

    [Function("PostPurchase")]
    [ApiOperation("writes", "Buy a listed UID (ComputeMarket.buy); the workflow ends when the provider's agent has granted access.", typeof(WriteAcceptedView), Request = typeof(WriteBodyView))]
    public Task<IResult> PostPurchase(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "market/purchases")] HttpRequest request,
        [DurableClient] DurableTaskClient workflows, CancellationToken cancellationToken) =>
        WriteHandler.RunAsync(request, WriteActions.Purchase, gate, workflows, log, cancellationToken);

    [Function("PostClaimRevenue")]
    [ApiOperation("writes", "Claim a VID's rental income in one token (RevenueRights.claim).", typeof(WriteAcceptedView), Request = typeof(WriteBodyView))]
    public Task<IResult> PostClaimRevenue(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "revenue/claims")] HttpRequest request,
        [DurableClient] DurableTaskClient workflows, CancellationToken cancellationToken) =>
        WriteHandler.RunAsync(request, WriteActions.ClaimRevenue, gate, workflows, log, cancellationToken);

    [Function("PostListRevenueRights")]
    [ApiOperation("writes", "List RID shares at a unit price (ComputeMarket.listShares; the shares are escrowed while listed).", typeof(WriteAcceptedView), Request = typeof(WriteBodyView))]
    public Task<IResult> PostListRevenueRights(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "market/revenue-listings")] HttpRequest request,
        [DurableClient] DurableTaskClient workflows, CancellationToken cancellationToken) =>
        WriteHandler.RunAsync(request, WriteActions.ListRevenueRights, gate, workflows, log, cancellationToken);

    [Function("PostBuyRevenueRights")]
    [ApiOperation("writes", "Buy some or all of a RID share listing (ComputeMarket.buyShares; partial fills).", typeof(WriteAcceptedView), Request = typeof(WriteBodyView))]
    public Task<IResult> PostBuyRevenueRights(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "market/revenue-purchases")] HttpRequest request,
        [DurableClient] DurableTaskClient workflows, CancellationToken cancellationToken) =>
        WriteHandler.RunAsync(request, WriteActions.BuyRevenueRights, gate, workflows, log, cancellationToken);

    [Function("PostClaimDividend")]
    [ApiOperation("writes", "Claim an account's dividend of an epoch with its Merkle proof (DividendDistributor.claim; the amount and proof from GET /api/dividends/{epoch}/{address}).", typeof(WriteAcceptedView), Request = typeof(WriteBodyView))]
    public Task<IResult> PostClaimDividend(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "dividends/claims")] HttpRequest request,
        [DurableClient] DurableTaskClient workflows, CancellationToken cancellationToken) =>
        WriteHandler.RunAsync(request, WriteActions.ClaimDividend, gate, workflows, log, cancellationToken);

    [Function("PostRequestProof")]
    [ApiOperation("writes", "Request a proof of compute of a VID (ProofOfCompute.requestChallenge, by its live UID's user or its provider); the workflow ends verified on chain, or missed and slashed at the deadline.", typeof(WriteAcceptedView), Request = typeof(WriteBodyView))]
    public Task<IResult> PostRequestProof(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "proofs")] HttpRequest request,
        [DurableClient] DurableTaskClient workflows, CancellationToken cancellationToken) =>
        WriteHandler.RunAsync(request, WriteActions.RequestProof, gate, workflows, log, cancellationToken);
}
