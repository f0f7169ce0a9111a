using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.OpenApi;
using PowerVerse.Functions.OpenApi;

namespace PowerVerse.Functions.Http;

/// <summary><c>GET /api/openapi.json</c>: the API's description, generated once from the functions (DESIGN §4).</summary>
public static class OpenApiFunction
{
    private static readonly Lazy<Task<string>> Document = new(() =>
        OpenApiDocumentFactory.Create(typeof(OpenApiFunction).Assembly).SerializeAsJsonAsync(OpenApiSpecVersion.OpenApi3_1));

    [Function("GetOpenApi")]
    public static async Task<IResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "openapi.json")] HttpRequest request) =>
        Results.Content(await Document.Value, "application/json");
}
