using Azure;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Nethereum.JsonRpc.Client;
using PowerVerse.Functions.Http.Api;
using PowerVerse.Functions.OpenApi;

namespace PowerVerse.Functions.AgentAccess;

/// <summary>
/// <c>POST /api/agents/sas</c> (DESIGN §3/§4): an agent of a registered HID, with a request it signed, gets service SAS
/// URLs for its queues until the time it asked for. Refusals are problem+json and change nothing: the agent's queues
/// are created only for a request that passed every check.
/// </summary>
public sealed partial class AgentSasFunction(AgentAccessOptions options, RegisteredAgents agents, AgentSasIssuer issuer, TimeProvider time, ILogger<AgentSasFunction> log)
{
    [Function("PostAgentSas")]
    [ApiOperation("agents", "Queue SAS URLs for the agent of a registered HID, signed by the agent.", typeof(AgentSasView), Request = typeof(AgentSasRequestView), Synchronous = true,
        Description = "The body {agent, expires, signature}: signature = EIP-191 personal_sign over the RFC 8785 canonical JSON of {agent, expires}. expires is ISO 8601 UTC with Z, in the future and at most AgentAccess:MaxLifetime (24 h by default) away, give or take 5 minutes of clock skew. The answer's URLs expire then: queue (agent-<address>, read + update + process), poison (its -poison queue, add), results (proof-results, add), events (agent-events, add). An agent renews them before they expire.")]
    public async Task<IResult> PostAgentSas(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "agents/sas")] HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            if (request.Query.Count > 0)
            {
                throw new ApiProblemException(Problems.UnknownParameter, "This route takes no query parameters; everything is in its signed body.");
            }

            var sas = AgentSasRequest.Read(await BoundedBody.ReadAsync(request, AgentSasRequest.MaxBytes, "The body", cancellationToken));
            var now = time.GetUtcNow();
            if (sas.Expires <= now)
            {
                throw new ApiProblemException(Problems.Expired, $"The request expired at {AgentSasView.Time(sas.Expires)} (now {AgentSasView.Time(now)}); sign a new one.");
            }

            if (sas.Expires > now + options.MaxLifetime + AgentAccessOptions.ClockSkew)
            {
                throw new ApiProblemException(Problems.LifetimeTooLong,
                    $"'expires' is at most {options.MaxLifetime} from now ({AgentSasView.Time(now + options.MaxLifetime)}, give or take {AgentAccessOptions.ClockSkew.TotalMinutes} minutes of clock skew).");
            }

            if (!await agents.IsRegisteredAgentAsync(sas.Agent, cancellationToken))
            {
                throw new ApiProblemException(Problems.NotAnAgent, $"{sas.Agent} is not the agent of a registered HID.");
            }

            var view = await issuer.IssueAsync(sas.Agent, sas.Expires, cancellationToken);
            LogIssued(sas.Agent, view.Expires);
            return ApiResults.Ok(view);
        }
        catch (ApiProblemException problem)
        {
            return ApiResults.Problem(problem, request.Path);
        }
        catch (AgentAccessNotConfiguredException ex)
        {
            LogNotConfigured(ex.Message);
            return ApiResults.Problem(Problems.AgentQueuesUnavailable, "The platform cannot sign agent SAS at the moment (its configuration is incomplete); try again later.", request.Path);
        }
        catch (Exception ex) when (ex is RpcClientUnknownException or RpcClientTimeoutException or RpcResponseException or HttpRequestException
                                       or Nethereum.ABI.FunctionEncoding.SmartContractRevertException)
        {
            LogFailed(request.Path, ex);
            return ApiResults.Problem(Problems.ChainUnavailable, "The chain could not be read; try again shortly.", request.Path);
        }
        catch (RequestFailedException ex)
        {
            LogFailed(request.Path, ex);
            return ApiResults.Problem(Problems.AgentQueuesUnavailable, "The agent queues or the read model could not be reached; try again shortly.", request.Path);
        }
    }

    [LoggerMessage(LogLevel.Information, "Issued queue SAS to agent {Agent} until {Expires}")]
    private partial void LogIssued(string agent, string expires);

    [LoggerMessage(LogLevel.Critical, "Agent SAS cannot be issued: {Reason}")]
    private partial void LogNotConfigured(string reason);

    [LoggerMessage(LogLevel.Error, "Issuing queue SAS for {Path} failed")]
    private partial void LogFailed(string? path, Exception exception);
}
