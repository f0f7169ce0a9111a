using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using PowerVerse.Functions.Http.Api;
using PowerVerse.Functions.OpenApi;
using PowerVerse.Functions.ReadModel.Queries;
using PowerVerse.Views;

namespace PowerVerse.Functions.Http;

/// <summary>The DAO lists: compute types, GPU models, proof parameters, revenue weights (seed 000, "DAO组织权限及任务").</summary>
public sealed class DaoFunctions(DaoQueries queries, ILogger<DaoFunctions> log)
{
    [Function("GetComputeTypes")]
    [ApiOperation("dao", "The compute types the market supports (add-only).", typeof(ItemsView<ComputeTypeView>))]
    public Task<IResult> GetComputeTypes([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "types")] HttpRequest request, CancellationToken cancellationToken) =>
        ApiHandler.RunAsync(request, log, async _ => ApiResults.Ok(await queries.ComputeTypesAsync(cancellationToken)));

    [Function("GetGpuModels")]
    [ApiOperation("dao", "The GPU models the market supports (add-only).", typeof(ItemsView<GpuModelView>))]
    [ApiParameter("computeType", ApiValue.SmallNumber, "Only the models of this compute type.")]
    public Task<IResult> GetGpuModels([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "gpus")] HttpRequest request, CancellationToken cancellationToken) =>
        ApiHandler.RunAsync(request, log, async q => ApiResults.Ok(await queries.GpuModelsAsync(q.SmallNumber("computeType"), cancellationToken)));

    [Function("GetProofParams")]
    [ApiOperation("dao", "Every version of each compute type's proof parameters (add-only, versioned).", typeof(ItemsView<ProofParamsView>))]
    [ApiParameter("computeType", ApiValue.SmallNumber, "Only this compute type's versions.")]
    public Task<IResult> GetProofParams([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "proof-params")] HttpRequest request, CancellationToken cancellationToken) =>
        ApiHandler.RunAsync(request, log, async q => ApiResults.Ok(await queries.ProofParamsAsync(q.SmallNumber("computeType"), cancellationToken)));

    [Function("GetRevenueWeights")]
    [ApiOperation("dao", "The RID supply minted at a VID's first listing, per compute type.", typeof(ItemsView<RevenueWeightView>))]
    public Task<IResult> GetRevenueWeights([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "revenue-weights")] HttpRequest request, CancellationToken cancellationToken) =>
        ApiHandler.RunAsync(request, log, async _ => ApiResults.Ok(await queries.RevenueWeightsAsync(cancellationToken)));
}
