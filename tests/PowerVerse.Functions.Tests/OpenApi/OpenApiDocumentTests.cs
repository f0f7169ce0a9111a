using System.Text.Json;
using Microsoft.OpenApi;
using PowerVerse.Functions.Hosting;
using PowerVerse.Functions.Http.Api;
using PowerVerse.Functions.OpenApi;
using PowerVerse.Functions.Tests.Http;

namespace PowerVerse.Functions.Tests.OpenApi;

/// <summary>/api/openapi.json describes exactly the app's HTTP functions, read from the functions themselves.</summary>
[Collection(ReadApiGroup.Name)]
public sealed class OpenApiDocumentTests(ReadApiFixture api)
{
    private static IEnumerable<(string Path, string Method, string Name)> Declared() =>
        FunctionCatalog.Discover(typeof(FunctionsApp).Assembly)
            .Where(f => f.Trigger is HttpFunctionTrigger)
            .SelectMany(f => ((HttpFunctionTrigger)f.Trigger).Methods.Select(m => ("/api/" + ((HttpFunctionTrigger)f.Trigger).Route, m, f.Name)));

    [Fact]
    public async Task Served_EveryHttpFunction_AtItsRouteAndMethods()
    {
        using var response = await api.GetAsync("api/openapi.json");
        var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.StartsWith("3.1", document.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        var paths = document.GetProperty("paths");
        var declared = Declared().ToList();
        Assert.True(declared.Count >= 19, $"{declared.Count} HTTP functions");
        foreach (var (path, method, name) in declared)
        {
            Assert.True(paths.TryGetProperty(path, out var item), $"{name}: {path} missing");
            Assert.Equal(name, item.GetProperty(method).GetProperty("operationId").GetString());
        }

        var documented = paths.EnumerateObject().SelectMany(p => p.Value.EnumerateObject().Select(o => (p.Name, o.Name))).ToHashSet();
        Assert.Equal(declared.Select(d => (d.Path, d.Method)).ToHashSet(), documented);
    }

    [Fact]
    public void Create_QueryParameters_ExactlyThoseTheHandlersAccept()
    {
        var document = OpenApiDocumentFactory.Create(typeof(FunctionsApp).Assembly);

        foreach (var function in FunctionCatalog.Discover(typeof(FunctionsApp).Assembly).Where(f => f.Method.DeclaringType!.Namespace == "PowerVerse.Functions.Http" && f.Method.GetCustomAttributes(typeof(ApiOperationAttribute), false).Length > 0))
        {
            var route = "/api/" + ((HttpFunctionTrigger)function.Trigger).Route;
            if (((HttpFunctionTrigger)function.Trigger).Methods.SequenceEqual(["post"]))
            {
                // A write: its body is the signed request, it answers 202, and it takes no query parameters.
                var write = document.Paths[route].Operations![HttpMethod.Post];
                Assert.NotNull(write.RequestBody);
                Assert.Contains("202", write.Responses!.Keys);
                Assert.True(write.Parameters is null || write.Parameters.Count == 0);
                continue;
            }

            var operation = document.Paths[route].Operations![HttpMethod.Get];
            var documented = operation.Parameters!.Where(p => p.In == ParameterLocation.Query).Select(p => p.Name).Order();
            Assert.Equal(ApiHandler.QueryNames(function.Method.DeclaringType!, function.Method.Name).Order(), documented);
            Assert.All(operation.Parameters!.Where(p => p.In == ParameterLocation.Path), p => Assert.Contains("{" + p.Name + "}", route, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Create_MarketPage_SchemaOfListings()
    {
        var document = OpenApiDocumentFactory.Create(typeof(FunctionsApp).Assembly);

        var listing = (OpenApiSchema)document.Components!.Schemas!["ListingView"];
        Assert.Contains("price", listing.Properties!.Keys);
        Assert.Equal(JsonSchemaType.String, listing.Properties["price"].Type);
        Assert.Contains("PageViewOfListingView", document.Components.Schemas.Keys);
    }
}
