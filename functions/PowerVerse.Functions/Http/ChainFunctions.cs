using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Nethereum.JsonRpc.Client;
using PowerVerse.Functions.Http.Api;
using PowerVerse.Functions.OpenApi;
using PowerVerse.Functions.ReadModel.Queries;
using PowerVerse.Views;

namespace PowerVerse.Functions.Http;

/// <summary>The chain a client signs for and the addresses it calls (a browser client has no deployment manifest of its own).</summary>
public sealed partial class ChainFunctions(ChainQueries queries, ILogger<ChainFunctions> log)
{
    [Function("GetChain")]
    [ApiOperation("chain", "The chain id, every contract address, and the tokens (ERC-20 symbol, name, decimals as the chain reports them).", typeof(ChainView),
        Description = "503 chain-unavailable while the node has not been reached once since the app started; after that the answer comes from memory.")]
    public Task<IResult> GetChain([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "chain")] HttpRequest request, CancellationToken cancellationToken) =>
        ApiHandler.RunAsync(request, log, async _ =>
        {
            try
            {
                return ApiResults.Ok(await queries.ChainAsync(cancellationToken));
            }
            catch (Exception ex) when (ex is RpcClientUnknownException or RpcClientTimeoutException or RpcResponseException or HttpRequestException
                                           or Nethereum.ABI.FunctionEncoding.SmartContractRevertException)
            {
                LogChainFailed(ex);
                throw new ApiProblemException(Problems.ChainUnavailable, "The chain could not be read; try again shortly.");
            }
        });

    [LoggerMessage(LogLevel.Error, "Reading the tokens' metadata from the chain failed")]
    private partial void LogChainFailed(Exception exception);
}
