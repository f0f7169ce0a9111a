using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Nethereum.Signer;
using PowerVerse.Domain.Json;
using PowerVerse.GpuAgent.Agent;
using PowerVerse.GpuAgent.Signing;

namespace PowerVerse.GpuAgent.Tests.Agent;

/// <summary>
/// <c>run --api</c>'s SAS (DESIGN §3): the request the agent signs, the URLs it takes from the answer, a refusal retried
/// with backoff, and renewal at 80 % of the lifetime swapping the queue clients. The platform is a stub handler here;
/// the real one is in the Workflows tests.
/// </summary>
public sealed class SasRenewalTests
{
    private static readonly Uri Api = SasGrant.Base("http://127.0.0.1:7071/api");

    [Fact]
    public async Task RequestAsync_Body_AgentAndExpiresSignedOverTheirCanonicalJson()
    {
        var signer = new AgentSigner(EthECKey.GenerateKey());
        var platform = new StubPlatform(signer.Address);
        using var http = new HttpClient(platform);
        var expires = new DateTimeOffset(2099, 1, 2, 3, 4, 5, TimeSpan.Zero);

        var (queues, granted) = await SasGrant.RequestAsync(http, Api, signer, expires, CancellationToken.None);

        var (uri, body) = Assert.Single(platform.Requests);
        Assert.Equal("http://127.0.0.1:7071/api/agents/sas", uri.ToString());
        Assert.Equal(["agent", "expires", "signature"], body.Select(m => m.Key).Order(StringComparer.Ordinal));
        Assert.Equal((signer.Address, "2099-01-02T03:04:05Z"), ((string?)body["agent"], (string?)body["expires"]));
        var recovered = new EthereumMessageSigner().EncodeUTF8AndEcRecover(CanonicalJson.SerializeWithoutSignature(body), (string)body["signature"]!);
        Assert.Equal(signer.Address, recovered.ToLowerInvariant());
        Assert.Equal(expires, granted);
        Assert.Equal((AgentQueues.AgentQueueName(signer.Address), "proof-results", "agent-events", AgentQueues.AgentQueueName(signer.Address) + "-poison"),
            (queues.Challenges.Name, queues.Results.Name, queues.Events.Name, queues.Poison.Name));
        Assert.False(queues.MayCreate);
        Assert.Contains("sig=", queues.Challenges.Uri.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FirstAsync_Refused_RetriesWithBackoffAndLogsEachTry()
    {
        var signer = new AgentSigner(EthECKey.GenerateKey());
        var platform = new StubPlatform(signer.Address) { Refusals = 2 };
        using var http = new HttpClient(platform);
        var log = new StringWriter();

        var access = await new SasRenewal(http, Api, signer, TimeSpan.FromHours(1), new AgentLog(log, TimeProvider.System), TimeProvider.System).FirstAsync(CancellationToken.None);

        Assert.Equal(3, platform.Requests.Count);
        Assert.Equal(2, Lines(log, "warn  sas-refused status=403 type=https://powerverse.dev/problems/not-an-agent"));
        Assert.Contains("retry-in=1s", log.ToString(), StringComparison.Ordinal);
        Assert.Contains("retry-in=2s", log.ToString(), StringComparison.Ordinal);
        Assert.Equal(1, Lines(log, "info  sas-granted expires="));
        Assert.Equal(AgentQueues.AgentQueueName(signer.Address), access.Current.Challenges.Name);
    }

    [Fact]
    public async Task RunAsync_ShortLifetime_RenewsAtFourFifthsAndSwapsTheClients()
    {
        var signer = new AgentSigner(EthECKey.GenerateKey());
        var platform = new StubPlatform(signer.Address);
        using var http = new HttpClient(platform);
        var log = new StringWriter();
        var renewal = new SasRenewal(http, Api, signer, TimeSpan.FromSeconds(2), new AgentLog(log, TimeProvider.System), TimeProvider.System);
        var access = await renewal.FirstAsync(CancellationToken.None);
        var first = access.Current;
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(4.2));

        await renewal.RunAsync(access, stop.Token);

        // Granted at 0, renewed 1.6 s and 3.2 s later: not before 80 % of the 2 s lifetime, and before it ends.
        Assert.InRange(platform.Requests.Count, 3, 4);
        Assert.InRange(Lines(log, "info  sas-renewed expires="), 2, 3);
        Assert.NotSame(first, access.Current);
        var times = platform.Times;
        Assert.All(times.Zip(times.Skip(1)), pair => Assert.InRange((pair.Second - pair.First).TotalSeconds, 1.55, 1.99));
    }

    private static int Lines(StringWriter log, string text) => log.ToString().Split('\n').Count(l => l.Contains(text, StringComparison.Ordinal));

    /// <summary>The platform's answers: a problem for the first <see cref="Refusals"/> requests, then SAS URLs for what was asked.</summary>
    private sealed class StubPlatform(string agent) : HttpMessageHandler
    {
        public int Refusals { get; init; }

        public List<(Uri Uri, JsonObject Body)> Requests { get; } = [];

        public List<DateTimeOffset> Times { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = JsonNode.Parse(await request.Content!.ReadAsStringAsync(cancellationToken))!.AsObject();
            lock (Requests)
            {
                Requests.Add((request.RequestUri!, body));
                Times.Add(DateTimeOffset.UtcNow);
            }

            if (Requests.Count <= Refusals)
            {
                return Json(HttpStatusCode.Forbidden, new JsonObject { ["type"] = "https://powerverse.dev/problems/not-an-agent", ["status"] = 403, ["detail"] = "not yet" });
            }

            var queue = AgentQueues.AgentQueueName(agent);
            return Json(HttpStatusCode.OK, new JsonObject
            {
                ["agent"] = agent, ["expires"] = (string?)body["expires"],
                ["queue"] = Url(queue, "rup"), ["poison"] = Url(queue + "-poison", "a"), ["results"] = Url("proof-results", "a"), ["events"] = Url("agent-events", "a"),
            });
        }

        private static string Url(string queue, string permissions) => $"http://127.0.0.1:10001/devstoreaccount1/{queue}?sv=2025-01-05&se=2099-01-02T03%3A04%3A05Z&sp={permissions}&sig=c2ln";

        private static HttpResponseMessage Json(HttpStatusCode status, JsonObject body) =>
            new(status) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };
    }
}
