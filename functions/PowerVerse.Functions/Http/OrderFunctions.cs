using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using PowerVerse.Functions.Http.Api;
using PowerVerse.Functions.OpenApi;
using PowerVerse.Functions.ReadModel.Queries;
using PowerVerse.Views;

namespace PowerVerse.Functions.Http;

/// <summary>Order histories of UIDs and RID shares (seed 000, "成交订单"), newest first.</summary>
public sealed class OrderFunctions(OrderQueries queries, ContinuationTokens tokens, ILogger<OrderFunctions> log)
{
    [Function("GetUsageRightOrders")]
    [ApiOperation("orders", "Sales of UIDs, newest first: all, or one account's as buyer or seller.", typeof(PageView<UsageOrderView>))]
    [ApiParameter("account", ApiValue.Address, "Only this account's orders.")]
    [ApiParameter("from", ApiValue.Time, "Only orders at or after this time.")]
    [ApiParameter("to", ApiValue.Time, "Only orders before this time.")]
    [ApiParameter(QueryParameters.PageSize, ApiValue.PageSize, "Orders per page (1 to 100, default 50).")]
    [ApiParameter(QueryParameters.ContinuationToken, ApiValue.ContinuationToken, "The previous page's continuationToken.")]
    public Task<IResult> GetUsageRightOrders([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "orders/usage-rights")] HttpRequest request, CancellationToken cancellationToken) =>
        ApiHandler.RunAsync(request, log, q =>
        {
            var filter = Filter(q);
            return ApiHandler.PageAsync(tokens, request, filter, q, (size, token) => queries.UsageOrdersAsync(filter, size, token, cancellationToken));
        });

    [Function("GetRevenueRightOrders")]
    [ApiOperation("orders", "Purchases of RID shares, newest first: all, or one account's as buyer or seller.", typeof(PageView<RevenueOrderView>))]
    [ApiParameter("account", ApiValue.Address, "Only this account's orders.")]
    [ApiParameter("from", ApiValue.Time, "Only orders at or after this time.")]
    [ApiParameter("to", ApiValue.Time, "Only orders before this time.")]
    [ApiParameter(QueryParameters.PageSize, ApiValue.PageSize, "Orders per page (1 to 100, default 50).")]
    [ApiParameter(QueryParameters.ContinuationToken, ApiValue.ContinuationToken, "The previous page's continuationToken.")]
    public Task<IResult> GetRevenueRightOrders([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "orders/revenue-rights")] HttpRequest request, CancellationToken cancellationToken) =>
        ApiHandler.RunAsync(request, log, q =>
        {
            var filter = Filter(q);
            return ApiHandler.PageAsync(tokens, request, filter, q, (size, token) => queries.RevenueOrdersAsync(filter, size, token, cancellationToken));
        });

    private static OrderFilter Filter(QueryParameters query)
    {
        var filter = new OrderFilter(query.Address("account"), query.Time("from"), query.Time("to"));
        QueryParameters.Ordered(filter.From, filter.To, "from", "to");
        return filter;
    }
}
