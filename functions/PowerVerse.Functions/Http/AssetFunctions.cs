using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using PowerVerse.Functions.Http.Api;
using PowerVerse.Functions.OpenApi;
using PowerVerse.Functions.ReadModel.Queries;
using PowerVerse.Functions.ReadModel.Views;

namespace PowerVerse.Functions.Http;

/// <summary>HIDs, VIDs, UIDs and accounts (seed 000: "算力使用权通证信息", "账户资金").</summary>
public sealed class AssetFunctions(AssetQueries queries, ILogger<AssetFunctions> log)
{
    [Function("GetHardware")]
    [ApiOperation("assets", "An HID: its GPU, agent, owner and stake.", typeof(HardwareView), CanBeNotFound = true)]
    [ApiParameter("hid", ApiValue.Id, "The HID.", InPath = true)]
    public Task<IResult> GetHardware(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "hardware/{hid}")] HttpRequest request, string hid, CancellationToken cancellationToken) =>
        ApiHandler.RunAsync(request, log, async _ => ApiHandler.Found(await queries.HardwareAsync(ApiInput.Id(hid, "hid"), cancellationToken), $"hardware {hid}"));

    [Function("GetResource")]
    [ApiOperation("assets", "A VID: its spec, owner, live UID and whether it is free.", typeof(ResourceView), CanBeNotFound = true)]
    [ApiParameter("vid", ApiValue.Id, "The VID.", InPath = true)]
    public Task<IResult> GetResource(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "resources/{vid}")] HttpRequest request, string vid, CancellationToken cancellationToken) =>
        ApiHandler.RunAsync(request, log, async _ => ApiHandler.Found(await queries.ResourceAsync(ApiInput.Id(vid, "vid"), cancellationToken), $"resource {vid}"));

    /// <remarks>
    /// Public fields only. The access configuration for the UID's user (the endpoint from the agent's grant-applied)
    /// is served with the write path, to the user alone, once a request carries the user's signature.
    /// </remarks>
    [Function("GetUsageRight")]
    [ApiOperation("assets", "A UID: owner, user and expiry, and its listing if listed.", typeof(UsageRightView), CanBeNotFound = true)]
    [ApiParameter("uid", ApiValue.Id, "The UID.", InPath = true)]
    public Task<IResult> GetUsageRight(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "usage-rights/{uid}")] HttpRequest request, string uid, CancellationToken cancellationToken) =>
        ApiHandler.RunAsync(request, log, async _ => ApiHandler.Found(await queries.UsageRightAsync(ApiInput.Id(uid, "uid"), cancellationToken), $"usage right {uid}"));

    [Function("GetAccount")]
    [ApiOperation("assets", "An account's holdings, balances, claimable revenue and free VIDs (an unknown account holds nothing).", typeof(AccountView))]
    [ApiParameter("address", ApiValue.Address, "The account.", InPath = true)]
    public Task<IResult> GetAccount(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "accounts/{address}")] HttpRequest request, string address, CancellationToken cancellationToken) =>
        ApiHandler.RunAsync(request, log, async _ => ApiResults.Ok(await queries.AccountAsync(ApiInput.Address(address, "address"), cancellationToken)));
}
