using Microsoft.OpenApi;
using PowerVerse.Functions.Hosting;
using PowerVerse.Functions.OpenApi;

namespace PowerVerse.Functions.Tests.OpenApi;

/// <summary>The OpenAPI document describes a rank as README "Ranks" does, with every input of the formula.</summary>
public sealed class RankDocumentTests
{
    private readonly OpenApiDocument _document = OpenApiDocumentFactory.Create(typeof(FunctionsApp).Assembly);

    [Fact]
    public void RankOfVid_DescribesTheFormula_AndLinksTheProofsItUses()
    {
        var operation = _document.Paths["/api/ranks/{vid}"].Operations![HttpMethod.Get];

        Assert.Contains("floor(hashRate · successBps · uptimeBps / 10^8)", operation.Description, StringComparison.Ordinal);
        Assert.Contains("404", operation.Responses!.Keys);
        Assert.Equal(["proofs", "rank"], Properties("RankDetailView"));
    }

    [Fact]
    public void Schemas_HoldEveryFieldARecomputationNeeds()
    {
        Assert.Equal(["challengeId", "elapsedMs", "finishedAt", "issuedAt", "rate", "source", "status", "work"], Properties("RankProofView"));
        Assert.Superset(new HashSet<string> { "hashRate", "successBps", "uptimeBps", "score", "verified", "missed", "window" }, Properties("RankView").ToHashSet());
        Assert.Equal(["downtimeSeconds", "from", "max", "proofs", "to"], Properties("RankWindowView"));
    }

    private IEnumerable<string> Properties(string schema) =>
        ((OpenApiSchema)_document.Components!.Schemas![schema]).Properties!.Keys.Order(StringComparer.Ordinal);
}
