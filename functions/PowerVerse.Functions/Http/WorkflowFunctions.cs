using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using PowerVerse.Functions.Http.Api;
using PowerVerse.Functions.OpenApi;
using PowerVerse.Views;

namespace PowerVerse.Functions.Http;

/// <summary>
/// A write's workflow (DESIGN §4: every write answers 202 with <c>Location: /api/workflows/{id}</c>): the Durable
/// orchestration's status, its current step (the orchestrator's custom status), its output and why it failed.
/// </summary>
public sealed partial class WorkflowFunctions(ILogger<WorkflowFunctions> log)
{
    [Function("GetWorkflow")]
    [ApiOperation("workflows", "A workflow's status, current step, output and failure.", typeof(WorkflowView), CanBeNotFound = true)]
    [ApiParameter("id", ApiValue.WorkflowId, "The workflow id: a write's ForwardRequest hash (0x and 64 hex digits), or settle-<uid>-<start> for an order's settlement.", InPath = true)]
    public Task<IResult> GetWorkflow(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "workflows/{id}")] HttpRequest request, string id,
        [DurableClient] DurableTaskClient client, CancellationToken cancellationToken) =>
        ApiHandler.RunAsync(request, log, async _ =>
        {
            ArgumentNullException.ThrowIfNull(client);
            if (id is null || !InstanceId().IsMatch(id))
            {
                throw new ApiProblemException(Problems.InvalidWorkflowId, $"'id' must be 1 to 128 letters, digits, '-', '_', '.' or ':', not '{ApiInput.Shown(id)}'.");
            }

            OrchestrationMetadata? instance;
            try
            {
                instance = await client.GetInstanceAsync(id, getInputsAndOutputs: true, cancellationToken);
            }
            catch (Grpc.Core.RpcException ex)
            {
                LogDurableFailed(id, ex);
                throw new ApiProblemException(Problems.WorkflowsUnavailable, "The workflow's status could not be read; try again shortly.");
            }

            return ApiHandler.Found(instance is null ? null : View(instance), $"workflow {id}", "known");
        });

    private static WorkflowView View(OrchestrationMetadata instance)
    {
        var output = Json(instance.SerializedOutput);
        var failure = instance.FailureDetails is { } details ? new WorkflowFailureView(details.ErrorType, details.ErrorMessage) : null;
        if (failure is null && instance.RuntimeStatus == OrchestrationRuntimeStatus.Failed)
        {
            // A backend that keeps a failed orchestration's message as its output rather than as failure details
            // (the local sidecar does): it is the failure, not an output.
            failure = new WorkflowFailureView("WorkflowFailed", output?.ValueKind == JsonValueKind.String ? output.Value.GetString()! : output?.GetRawText() ?? "The workflow failed.");
            output = null;
        }

        return new WorkflowView(
            instance.InstanceId, instance.Name, instance.RuntimeStatus.ToString(), Json(instance.SerializedCustomStatus), output, failure,
            instance.CreatedAt, instance.LastUpdatedAt);
    }

    // Durable stores outputs and custom status as JSON text; a value that is not JSON is returned as a string.
    private static JsonElement? Json(string? serialized)
    {
        if (string.IsNullOrEmpty(serialized))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(serialized);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return JsonSerializer.SerializeToElement(serialized);
        }
    }

    [LoggerMessage(LogLevel.Error, "Reading workflow {Id} from Durable failed")]
    private partial void LogDurableFailed(string id, Exception exception);

    // Durable instance ids may not hold '/', '\', '#', '?' or control characters; the API's ids are narrower still.
    [GeneratedRegex("^[A-Za-z0-9_.:-]{1,128}$", RegexOptions.CultureInvariant)]
    private static partial Regex InstanceId();
}
