using Microsoft.Extensions.DependencyInjection;
using PowerVerse.Chain.Contracts;
using PowerVerse.Functions.ReadModel.Queries;

namespace PowerVerse.Indexer.Tests.SeedMarket;

/// <summary>The DAO lists the deploy script seeded through governance, as the read model shows them and PowerParams holds them.</summary>
[Collection(SeedMarketGroup.Name)]
public sealed class DaoListTests(SeedMarketFixture f)
{
    private readonly DaoQueries _dao = f.Services.GetRequiredService<DaoQueries>();
    private readonly string _params = f.Manifest["PowerParams"];

    [Fact]
    public async Task ComputeTypes_AreThoseOfPowerParams()
    {
        var types = (await _dao.ComputeTypesAsync(CancellationToken.None)).Items;

        Assert.Equal([1L, 2L], types.Select(t => t.ComputeType));
        foreach (var type in types)
        {
            Assert.Equal(await f.Chain.ValueAsync<ComputeTypeNameFunction, string>(_params, new() { ComputeType = (uint)type.ComputeType }), type.Name);
        }
    }

    [Fact]
    public async Task GpuModels_AreThoseOfPowerParams()
    {
        var models = (await _dao.GpuModelsAsync(null, CancellationToken.None)).Items;

        Assert.Equal([1L, 2L, 3L, 4L, 5L, 6L], models.Select(m => m.GpuModel));
        foreach (var model in models)
        {
            var chain = (await f.Chain.QueryAsync<GpuModelFunction, GpuModelOutput>("PowerParams", new() { Id = (uint)model.GpuModel })).Model;
            Assert.Equal((chain.ComputeType, chain.Name, (long)chain.MemoryMiB), (model.ComputeType, model.Name, model.MemoryMiB));
        }
    }

    [Fact]
    public async Task ProofParamsAndRevenueWeights_AreThoseOfPowerParams()
    {
        var proofs = (await _dao.ProofParamsAsync(null, CancellationToken.None)).Items;
        var weights = (await _dao.RevenueWeightsAsync(CancellationToken.None)).Items;

        Assert.Equal([(1L, 1L), (2L, 1L)], proofs.Select(p => (p.ComputeType, p.Version)));
        foreach (var p in proofs)
        {
            var chain = (await f.Chain.QueryAsync<ProofParamsFunction, ProofParamsOutput>("PowerParams", new() { ComputeType = (uint)p.ComputeType, Version = (uint)p.Version })).Params;
            Assert.Equal(((int)chain.Difficulty, (int)chain.Shares, (long)chain.DeadlineSeconds), (p.Difficulty, p.Shares, p.DeadlineSeconds));
        }

        Assert.Equal([1L, 2L], weights.Select(w => w.ComputeType));
        foreach (var w in weights)
        {
            Assert.Equal((await f.Chain.ValueAsync<RevenueWeightFunction, System.Numerics.BigInteger>(_params, new() { ComputeType = (uint)w.ComputeType })).ToString(), w.Weight);
        }
    }
}
