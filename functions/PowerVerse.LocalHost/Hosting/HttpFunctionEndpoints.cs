using System.ComponentModel;
using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Azure.Functions.Worker;

using PowerVerse.Functions.Hosting;

namespace PowerVerse.LocalHost.Hosting;

/// <summary>
/// Serves the app's HTTP-triggered functions on Kestrel at the Functions host's paths (<c>/api/</c> + the route) and
/// methods, binding the ASP.NET Core request, route values and results as the worker's ASP.NET Core integration does.
/// </summary>
public static class HttpFunctionEndpoints
{
    public const string RoutePrefix = "api";

    public static void Map(IEndpointRouteBuilder endpoints, IEnumerable<DeclaredFunction> functions)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        foreach (var function in functions.Where(f => f.Trigger is HttpFunctionTrigger))
        {
            var trigger = (HttpFunctionTrigger)function.Trigger;
            var pattern = RoutePatternFactory.Parse($"{RoutePrefix}/{trigger.Route.TrimStart('/')}");
            var routeParameters = pattern.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var invoker = new FunctionInvoker(function, parameter => Bind(parameter, routeParameters));
            RequestDelegate handler = context => HandleAsync(invoker, context);
            var builder = trigger.Methods.Count == 0
                ? endpoints.Map(pattern, handler)
                : endpoints.MapMethods(pattern.RawText!, trigger.Methods.Select(m => m.ToUpperInvariant()), handler);
            builder.WithDisplayName(function.Name);
        }
    }

    private static async Task HandleAsync(FunctionInvoker invoker, HttpContext context)
    {
        var values = new InvocationValues(context.RequestServices, context.Request, context.RequestAborted)
        {
            RouteValues = context.Request.RouteValues.ToDictionary(v => v.Key, v => v.Value, StringComparer.OrdinalIgnoreCase),
        };
        var result = await invoker.InvokeAsync(context.RequestServices, values);
        switch (result)
        {
            case IActionResult action:
                await action.ExecuteResultAsync(new ActionContext(context, context.GetRouteData(), new ActionDescriptor()));
                break;
            case IResult httpResult:
                await httpResult.ExecuteAsync(context);
                break;
            case null:
                break;
            default:
                await Results.Json(result).ExecuteAsync(context);
                break;
        }
    }

    private static Func<ParameterInfo, InvocationValues, object?>? Bind(ParameterInfo parameter, HashSet<string> routeParameters)
    {
        if (parameter.GetCustomAttribute<HttpTriggerAttribute>() is not null)
        {
            return parameter.ParameterType == typeof(HttpRequest)
                ? (_, values) => values.TriggerValue
                : throw new NotSupportedException($"The local host binds HTTP triggers as HttpRequest, not {parameter.ParameterType.Name}.");
        }

        if (parameter.Name is { } name && routeParameters.Contains(name))
        {
            var converter = TypeDescriptor.GetConverter(parameter.ParameterType);
            return (_, values) => values.RouteValues.TryGetValue(name, out var value) && value is string text
                ? converter.ConvertFromInvariantString(text)
                : null;
        }

        return null;
    }
}
