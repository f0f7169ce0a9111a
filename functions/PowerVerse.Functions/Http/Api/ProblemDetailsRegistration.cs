using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace PowerVerse.Functions.Http.Api;

/// <summary>
/// Problem details for what the host answers before any function runs — no route matched (404), a route that does
/// not take the method (405) — in the API's own problem types, for a host that writes status codes through
/// <see cref="Microsoft.AspNetCore.Http.IProblemDetailsService"/> (the local host's status code pages).
/// </summary>
internal static class ProblemDetailsRegistration
{
    public static IServiceCollection AddApiProblemDetails(this IServiceCollection services) =>
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var status = context.ProblemDetails.Status ?? context.HttpContext.Response.StatusCode;
            var type = Problems.ForStatus(status);
            context.ProblemDetails.Type = type.Uri;
            context.ProblemDetails.Title = type.Title;
            context.ProblemDetails.Instance = context.HttpContext.Request.Path;
            context.ProblemDetails.Detail ??= status switch
            {
                StatusCodes.Status404NotFound => "No route of this API matches the path.",
                StatusCodes.Status405MethodNotAllowed => $"This route does not take {context.HttpContext.Request.Method}.",
                _ => null,
            };
            context.ProblemDetails.Extensions.Remove("traceId");
        });
}
