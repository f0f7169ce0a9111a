using Azure;
using Grpc.Core;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using PowerVerse.Views;
using PowerVerse.Functions.Writes;

namespace PowerVerse.Functions.Http.Api;

/// <summary>
/// The frame every write handler runs in: read the body strictly, let the <see cref="WriteGate"/> admit it or say why
/// not (problem+json, nothing changed), answer 202 with the workflow's location.
/// </summary>
public static partial class WriteHandler
{
    public static async Task<IResult> RunAsync<TFunctions>(
        HttpRequest request, WriteAction action, WriteGate gate, DurableTaskClient workflows, ILogger<TFunctions> log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(gate);
        try
        {
            if (request.Query.Count > 0)
            {
                throw new ApiProblemException(Problems.UnknownParameter, "A write takes no query parameters; everything is in its signed body.");
            }

            var (body, sshPublicKey) = await WriteBody.ReadAsync(request, allowsSshKey: action == WriteActions.Purchase, cancellationToken);
            var id = await gate.AdmitAsync(action, body, sshPublicKey, workflows, cancellationToken);
            var location = "/api/workflows/" + id;
            return new Accepted(Results.Json(new WriteAcceptedView(id, location), ApiResults.Json, "application/json", StatusCodes.Status202Accepted), location);
        }
        catch (ApiProblemException problem)
        {
            return ApiResults.Problem(problem, request.Path);
        }
        catch (Exception ex) when (ex is RpcException or RequestFailedException)
        {
            LogWorkflowsFailed(log, request.Path, ex);
            return ApiResults.Problem(Problems.WorkflowsUnavailable, "The workflow could not be started or read; try again shortly.", request.Path);
        }
    }

    [LoggerMessage(LogLevel.Error, "Starting the workflow of {Path} failed")]
    private static partial void LogWorkflowsFailed(ILogger logger, string? path, Exception exception);

    /// <summary>The 202 with its <c>Location</c> header.</summary>
    private sealed class Accepted(IResult json, string location) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            ArgumentNullException.ThrowIfNull(httpContext);
            httpContext.Response.Headers.Location = location;
            return json.ExecuteAsync(httpContext);
        }
    }
}
