using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using PowerVerse.Functions.Http.Api;
using PowerVerse.Functions.OpenApi;
using PowerVerse.Functions.ReadModel.Queries;
using PowerVerse.Views;

namespace PowerVerse.Functions.Http;

/// <summary>The markets of usage rights (UIDs) and revenue rights (RID shares) (seed 000, "算力市场", "收益权交易").</summary>
public sealed class MarketFunctions(MarketQueries queries, ContinuationTokens tokens, ILogger<MarketFunctions> log)
{
    [Function("GetUsageRightsMarket")]
    [ApiOperation("market", "UIDs for sale, cheapest first (sort=price) or best rank first (sort=rank).", typeof(PageView<ListingView>))]
    [ApiParameter("computeType", ApiValue.SmallNumber, "Only this compute type.")]
    [ApiParameter("gpuModel", ApiValue.SmallNumber, "Only this GPU model.")]
    [ApiParameter("minPrice", ApiValue.Amount, "Lowest price, in the token's smallest unit.")]
    [ApiParameter("maxPrice", ApiValue.Amount, "Highest price, in the token's smallest unit.")]
    [ApiParameter("token", ApiValue.Address, "Only listings paid in this token.")]
    [ApiParameter("minRank", ApiValue.Amount, "Lowest rank score of the resource (the score of /api/ranks/{vid}; 0 while unranked).")]
    [ApiParameter("sort", ApiValue.Choice, "Order of the list.", Choices = ["price", "rank"])]
    [ApiParameter(QueryParameters.PageSize, ApiValue.PageSize, "Listings per page (1 to 100, default 50).")]
    [ApiParameter(QueryParameters.ContinuationToken, ApiValue.ContinuationToken, "The previous page's continuationToken.")]
    public Task<IResult> GetUsageRights([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "market/usage-rights")] HttpRequest request, CancellationToken cancellationToken) =>
        ApiHandler.RunAsync(request, log, q =>
        {
            var filter = new UsageMarketFilter(q.SmallNumber("computeType"), q.SmallNumber("gpuModel"), q.Amount("minPrice"), q.Amount("maxPrice"),
                q.Address("token"), q.Amount("minRank"), q.Choice("sort", "price", "rank"));
            QueryParameters.Ordered(filter.MinPrice, filter.MaxPrice, "minPrice", "maxPrice");
            return ApiHandler.PageAsync(tokens, request, filter, q, (size, token) => queries.UsageRightsAsync(filter, size, token, cancellationToken));
        });

    [Function("GetRevenueRightsMarket")]
    [ApiOperation("market", "RID shares for sale, cheapest unit price first.", typeof(PageView<ShareListingView>))]
    [ApiParameter("vid", ApiValue.Id, "Only shares of this VID.")]
    [ApiParameter("token", ApiValue.Address, "Only listings paid in this token.")]
    [ApiParameter("minUnitPrice", ApiValue.Amount, "Lowest price per share.")]
    [ApiParameter("maxUnitPrice", ApiValue.Amount, "Highest price per share.")]
    [ApiParameter(QueryParameters.PageSize, ApiValue.PageSize, "Listings per page (1 to 100, default 50).")]
    [ApiParameter(QueryParameters.ContinuationToken, ApiValue.ContinuationToken, "The previous page's continuationToken.")]
    public Task<IResult> GetRevenueRights([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "market/revenue-rights")] HttpRequest request, CancellationToken cancellationToken) =>
        ApiHandler.RunAsync(request, log, q =>
        {
            var filter = new ShareMarketFilter(q.Id("vid"), q.Address("token"), q.Amount("minUnitPrice"), q.Amount("maxUnitPrice"));
            QueryParameters.Ordered(filter.MinUnitPrice, filter.MaxUnitPrice, "minUnitPrice", "maxUnitPrice");
            return ApiHandler.PageAsync(tokens, request, filter, q, (size, token) => queries.RevenueRightsAsync(filter, size, token, cancellationToken));
        });
}
