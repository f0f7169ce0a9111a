using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using PowerVerse.Functions.Http.Api;
using PowerVerse.Functions.OpenApi;
using PowerVerse.Functions.Orchestrations.Purchase;
using PowerVerse.Functions.ReadModel;
using PowerVerse.Functions.ReadModel.Queries;
using PowerVerse.Views;

namespace PowerVerse.Functions.Http;

/// <summary>HIDs, VIDs, UIDs and accounts (seed 000: "算力使用权通证信息", "账户资金").</summary>
public sealed class AssetFunctions(AssetQueries queries, AccessStore access, TimeProvider time, ILogger<AssetFunctions> log)
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
    /// With <c>Authorization: EIP191 …</c> signed by the UID's user while the rental is live, the view carries the access
    /// configuration from the agent's grant (<see cref="SignedRead"/>); signed by anyone else it is 403.
    /// </remarks>
    [Function("GetUsageRight")]
    [ApiOperation("assets", "A UID: owner, user and expiry, its listing if listed, and for its user (signed read) the access configuration.", typeof(UsageRightView), CanBeNotFound = true)]
    [ApiParameter("uid", ApiValue.Id, "The UID.", InPath = true)]
    public Task<IResult> GetUsageRight(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "usage-rights/{uid}")] HttpRequest request, string uid, CancellationToken cancellationToken) =>
        ApiHandler.RunAsync(request, log, async _ =>
        {
            var id = ApiInput.Id(uid, "uid");
            var signer = SignedRead.Signer(request, AccessStore.Key(id), time.GetUtcNow());
            var view = await queries.UsageRightAsync(id, cancellationToken);
            if (signer is null || view is null)
            {
                return ApiHandler.Found(view, $"usage right {uid}");
            }

            if (!view.Active || view.User is null || Addresses.Normalize(view.User) != signer)
            {
                throw new ApiProblemException(Problems.NotTheUser, $"{signer} is not the user of usage right {uid} now; only its user sees its access configuration.");
            }

            var grant = await access.GetAsync(AccessStore.Key(id), cancellationToken);
            return ApiResults.Ok(grant?.Endpoint is { } endpoint && grant.User.Equals(view.User, StringComparison.OrdinalIgnoreCase)
                ? view with { Access = new AccessView(endpoint.Host, endpoint.Port, endpoint.User, view.Expires) }
                : view);
        });

    [Function("GetAccount")]
    [ApiOperation("assets", "An account's holdings, balances, claimable revenue and free VIDs (an unknown account holds nothing).", typeof(AccountView))]
    [ApiParameter("address", ApiValue.Address, "The account.", InPath = true)]
    public Task<IResult> GetAccount(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "accounts/{address}")] HttpRequest request, string address, CancellationToken cancellationToken) =>
        ApiHandler.RunAsync(request, log, async _ => ApiResults.Ok(await queries.AccountAsync(ApiInput.Address(address, "address"), cancellationToken)));
}
