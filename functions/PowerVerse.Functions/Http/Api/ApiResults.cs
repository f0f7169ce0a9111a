using System.Text.Json;
using Microsoft.AspNetCore.Http;
using PowerVerse.Views;

namespace PowerVerse.Functions.Http.Api;

/// <summary>How the API writes its answers: JSON in camelCase, and RFC 9457 problem+json for every error.</summary>
public static class ApiResults
{
    public const string ProblemContentType = "application/problem+json";

    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web);

    public static IResult Ok<T>(T value) => Results.Json(value, Json, "application/json", StatusCodes.Status200OK);

    public static IResult Problem(ProblemType type, string detail, string? instance = null)
    {
        ArgumentNullException.ThrowIfNull(type);
        return Results.Json(new ProblemView(type.Uri, type.Title, type.Status, detail, instance), Json, ProblemContentType, type.Status);
    }

    public static IResult Problem(ApiProblemException problem, string? instance)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var type = problem.Type;
        return Results.Json(
            new ProblemView(type.Uri, type.Title, type.Status, problem.Message, instance, problem.Error, problem.Arguments), Json, ProblemContentType, type.Status);
    }
}
