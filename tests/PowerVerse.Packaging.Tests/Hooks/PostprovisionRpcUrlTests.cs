using System.Net;
using System.Text;
using System.Text.Json;
using PowerVerse.Testing;

namespace PowerVerse.Packaging.Tests.Hooks;

/// <summary>
/// An RPC URL may embed a provider's API key in its path or query: the hook, the deploy script it runs and the
/// manifest it leaves name only the URL's origin, on success and on failure (errors of ethers carry the request URL).
/// </summary>
public sealed class PostprovisionRpcUrlTests : HookChain
{
    private const string PathSecret = "PATHSECRET7f3a";
    private const string QuerySecret = "QUERYSECRET91bc";

    [Fact]
    public async Task Postprovision_RpcUrlWithApiKey_DeploysAndNeverPrintsOrRecordsTheKey()
    {
        // The Hardhat node answers JSON-RPC on any path and query, as a provider's keyed URL does.
        var (exit, output) = await HookRun.RunAsync(Settings(WithSecrets(Node.RpcUrl)));

        Assert.True(exit == 0, output);
        Assert.Contains("[deploy] chain 31337 at http://127.0.0.1:", output, StringComparison.Ordinal);
        AssertNoSecret(output);
        AssertNoSecret(await File.ReadAllTextAsync(Path.Combine(Deployments, "31337.json")));
    }

    [Fact]
    public async Task Postprovision_RpcFailsAfterConnecting_PrintsTheShortMessageWithoutTheKeyOrAStack()
    {
        // A node that answers eth_chainId and fails every other call with HTTP 500: the check of the recorded
        // deployment's code fails inside ethers, whose error names the request URL.
        using var server = new HttpListener();
        var port = FreePort.Next();
        server.Prefixes.Add($"http://127.0.0.1:{port}/");
        server.Start();
        var serving = ServeAsync(server);
        await File.WriteAllTextAsync(Path.Combine(Deployments, "31337.json"), JsonSerializer.Serialize(new
        {
            chainId = 31337,
            contracts = new Dictionary<string, string> { ["ComputeMarket"] = "0x00000000000000000000000000000000000000aa" },
        }));

        var (exit, output) = await HookRun.RunAsync(Settings(WithSecrets(new Uri($"http://127.0.0.1:{port}/"))));

        server.Stop();
        await serving;
        Assert.NotEqual(0, exit);
        Assert.Contains("[postprovision]", output, StringComparison.Ordinal);
        Assert.DoesNotContain("    at ", output, StringComparison.Ordinal);
        AssertNoSecret(output);
    }

    private static Uri WithSecrets(Uri node) => new(new Uri(node, $"/v2/{PathSecret}"), $"?key={QuerySecret}");

    private static void AssertNoSecret(string text)
    {
        Assert.DoesNotContain(PathSecret, text, StringComparison.Ordinal);
        Assert.DoesNotContain(QuerySecret, text, StringComparison.Ordinal);
    }

    private static async Task ServeAsync(HttpListener server)
    {
        while (server.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await server.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            using var request = JsonDocument.Parse(await reader.ReadToEndAsync());
            var chainId = request.RootElement.TryGetProperty("method", out var method) && method.GetString() == "eth_chainId";
            context.Response.StatusCode = chainId ? 200 : 500;
            context.Response.ContentType = "application/json";
            var id = request.RootElement.TryGetProperty("id", out var i) ? i.GetRawText() : "null";
            var body = chainId ? $$"""{"jsonrpc":"2.0","id":{{id}},"result":"0x7a69"}""" : "boom";
            var bytes = Encoding.UTF8.GetBytes(body);
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    private Dictionary<string, string> Settings(Uri rpcUrl) => new()
    {
        ["PV_CHAIN_ID"] = "31337",
        ["PV_RPC_URL"] = rpcUrl.ToString(),
        ["PV_DEPLOYMENTS_DIR"] = Deployments,
    };
}
