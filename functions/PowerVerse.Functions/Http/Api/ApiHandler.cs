using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.CompilerServices;
using Azure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using PowerVerse.Functions.OpenApi;
using PowerVerse.Functions.ReadModel.Queries;
using PowerVerse.Views;

namespace PowerVerse.Functions.Http.Api;

/// <summary>
/// The frame every read handler runs in: the query string is checked against the parameters the function declares
/// (<see cref="ApiParameterAttribute"/>), bad input becomes problem+json before any storage read, and a storage
/// failure a 503 problem. Handlers stay one expression: parse, delegate to a query class, answer.
/// </summary>
public static partial class ApiHandler
{
    private static readonly ConcurrentDictionary<(Type, string), string[]> Allowed = new();

    public static async Task<IResult> RunAsync<TFunctions>(
        HttpRequest request, ILogger<TFunctions> log, Func<QueryParameters, Task<IResult>> body, [CallerMemberName] string method = "")
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(body);
        try
        {
            return await body(QueryParameters.Read(request, QueryNames(typeof(TFunctions), method)));
        }
        catch (ApiProblemException problem)
        {
            return ApiResults.Problem(problem, request.Path);
        }
        catch (RequestFailedException ex)
        {
            LogStorageFailed(log, request.Path, ex);
            return ApiResults.Problem(Problems.Unavailable, "The read model could not be read; try again shortly.", request.Path);
        }
    }

    /// <summary>The value, or a 404 problem naming what was asked for.</summary>
    public static IResult Found<T>(T? value, string what, string known = "indexed")
        where T : class =>
        value is null ? throw new ApiProblemException(Problems.NotFound, $"No {what} is {known}.") : ApiResults.Ok(value);

    /// <summary>
    /// Reads one page: the client's continuation token is checked against this exact query (route and filters) before
    /// it is unsealed, and the next page's storage token is sealed for the same query.
    /// </summary>
    public static async Task<IResult> PageAsync<TFilter, TItem>(
        ContinuationTokens tokens, HttpRequest request, TFilter filter, QueryParameters query, Func<int, string?, Task<StoragePage<TItem>>> read)
        where TFilter : notnull
    {
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(read);
        var size = query.Size();
        var scope = $"{request.Path.Value}|{filter}";
        string? storageToken = null;
        if (query.Continuation is { } token && !tokens.TryUnprotect(scope, token, out storageToken))
        {
            throw new ApiProblemException(Problems.InvalidContinuationToken, "The continuation token was not issued for this query or was altered; start again without it.");
        }

        var page = await read(size, storageToken);
        return ApiResults.Ok(new PageView<TItem>(page.Items, page.StorageToken is { } next ? tokens.Protect(scope, next) : null));
    }

    /// <summary>The query parameters a function declares, read once from its attributes.</summary>
    public static string[] QueryNames(Type functions, string method) =>
        Allowed.GetOrAdd((functions, method), key =>
            (key.Item1.GetMethod(key.Item2) ?? throw new InvalidOperationException($"{key.Item1.Name}.{key.Item2} is not a function."))
                .GetCustomAttributes<ApiParameterAttribute>().Where(p => !p.InPath).Select(p => p.Name).ToArray());

    [LoggerMessage(LogLevel.Error, "Reading the read model for {Path} failed")]
    private static partial void LogStorageFailed(ILogger logger, string? path, Exception exception);
}
