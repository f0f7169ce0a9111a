using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using PowerVerse.Functions.Http.Api;
using PowerVerse.Functions.OpenApi;
using PowerVerse.Functions.ReadModel.Queries;
using PowerVerse.Views;

namespace PowerVerse.Functions.Http;

/// <summary>Proofs, ranks (seed 000, "算力排行信息") and dividends.</summary>
public sealed class ProofFunctions(ProofQueries queries, ContinuationTokens tokens, ILogger<ProofFunctions> log)
{
    [Function("GetRanks")]
    [ApiOperation("proofs", "The rank board, best score first (then lowest VID): all VIDs or one compute type's.", typeof(PageView<RankView>),
        Description = "score = floor(hashRate · successBps · uptimeBps / 10^8) over each VID's 20 latest finished proofs (README \"Ranks\"); /api/ranks/{vid} lists the proofs.")]
    [ApiParameter("computeType", ApiValue.SmallNumber, "Only this compute type.")]
    [ApiParameter(QueryParameters.PageSize, ApiValue.PageSize, "Ranks per page (1 to 100, default 50).")]
    [ApiParameter(QueryParameters.ContinuationToken, ApiValue.ContinuationToken, "The previous page's continuationToken.")]
    public Task<IResult> GetRanks([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "ranks")] HttpRequest request, CancellationToken cancellationToken) =>
        ApiHandler.RunAsync(request, log, q =>
        {
            var computeType = q.SmallNumber("computeType");
            return ApiHandler.PageAsync(tokens, request, $"computeType={computeType}", q, (size, token) => queries.RanksAsync(computeType, size, token, cancellationToken));
        });

    [Function("GetRank")]
    [ApiOperation("proofs", "A VID's rank with exactly the proofs it is computed from.", typeof(RankDetailView), CanBeNotFound = true,
        Description = "The proofs come in the formula's order (issuedAt, then challengeId), so anyone can recompute the rank (README \"Ranks\"): rate = floor(work · 1000 / elapsedMs); hashRate = EWMA with α = 1/4 (h = floor((rate + 3h) / 4)); successBps, uptimeBps from proven downtime over [first issuedAt, latest finishedAt]; score = floor(hashRate · successBps · uptimeBps / 10^8). Unranked (404) until a proof of it finishes.")]
    [ApiParameter("vid", ApiValue.Id, "The VID.", InPath = true)]
    public Task<IResult> GetRank(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "ranks/{vid}")] HttpRequest request, string vid, CancellationToken cancellationToken) =>
        ApiHandler.RunAsync(request, log, async _ => ApiHandler.Found(await queries.RankAsync(ApiInput.Id(vid, "vid"), cancellationToken), $"rank of resource {vid}"));

    [Function("GetProof")]
    [ApiOperation("proofs", "A challenge and its outcome.", typeof(ProofView), CanBeNotFound = true)]
    [ApiParameter("challengeId", ApiValue.Id, "The challenge id.", InPath = true)]
    public Task<IResult> GetProof(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "proofs/{challengeId}")] HttpRequest request, string challengeId, CancellationToken cancellationToken) =>
        ApiHandler.RunAsync(request, log, async _ => ApiHandler.Found(await queries.ProofAsync(ApiInput.Id(challengeId, "challengeId"), cancellationToken), $"challenge {challengeId}"));

    [Function("GetDividend")]
    [ApiOperation("dividends", "An account's dividend in an epoch: amount and Merkle proof for the claim.", typeof(DividendView), CanBeNotFound = true)]
    [ApiParameter("epoch", ApiValue.Id, "The epoch.", InPath = true)]
    [ApiParameter("address", ApiValue.Address, "The account.", InPath = true)]
    public Task<IResult> GetDividend(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "dividends/{epoch}/{address}")] HttpRequest request, string epoch, string address, CancellationToken cancellationToken) =>
        ApiHandler.RunAsync(request, log, async _ =>
        {
            var (id, account) = (ApiInput.Id(epoch, "epoch"), ApiInput.Address(address, "address"));
            return ApiHandler.Found(await queries.DividendAsync(id, account, cancellationToken), $"dividend of {account} in epoch {id}");
        });
}
