using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Azure;
using Microsoft.Extensions.Time.Testing;
using Nethereum.Signer;
using PowerVerse.Domain.Json;
using PowerVerse.GpuAgent.Agent;
using PowerVerse.GpuAgent.Signing;

namespace PowerVerse.GpuAgent.Tests.Agent;

/// <summary>
/// <c>run --api</c>'s SAS (DESIGN §3): the request the agent signs, the URLs it takes from the answer, a refusal retried
/// with backoff, and renewal at 80 % of the granted lifetime swapping the queue clients. The platform is a stub handler
/// here (the real one is in the Workflows tests), and time a <see cref="FakeTimeProvider"/> the tests move by hand.
/// </summary>
public sealed class SasRenewalTests
{
    private static readonly Uri Api = SasGrant.Base("http://127.0.0.1:7071/api");

    [Fact]
    public async Task RequestAsync_Body_AgentAndExpiresSignedOverTheirCanonicalJson()
    {
        var signer = new AgentSigner(EthECKey.GenerateKey());
        var platform = new StubPlatform(signer.Address, new FakeTimeProvider()) { Shorter = TimeSpan.FromHours(1) };
        using var http = new HttpClient(platform);
        var expires = new DateTimeOffset(2099, 1, 2, 3, 4, 5, TimeSpan.Zero);

        var (queues, granted) = await SasGrant.RequestAsync(http, Api, signer, expires, CancellationToken.None);

        var (uri, body) = Assert.Single(platform.Requests);
        Assert.Equal("http://127.0.0.1:7071/api/agents/sas", uri.ToString());
        Assert.Equal(["agent", "expires", "signature"], body.Select(m => m.Key).Order(StringComparer.Ordinal));
        Assert.Equal((signer.Address, "2099-01-02T03:04:05Z"), ((string?)body["agent"], (string?)body["expires"]));
        var recovered = new EthereumMessageSigner().EncodeUTF8AndEcRecover(CanonicalJson.SerializeWithoutSignature(body), (string)body["signature"]!);
        Assert.Equal(signer.Address, recovered.ToLowerInvariant());
        Assert.Equal(expires.AddHours(-1), granted); // the answer's expiry, not the one asked for
        Assert.Equal((AgentQueues.AgentQueueName(signer.Address), "proof-results", "agent-events", AgentQueues.AgentQueueName(signer.Address) + "-poison"),
            (queues.Challenges.Name, queues.Results.Name, queues.Events.Name, queues.Poison.Name));
        Assert.False(queues.MayCreate);
        Assert.Contains("sig=", queues.Challenges.Uri.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FirstAsync_Refused_RetriesWithBackoffAndLogsEachTry()
    {
        var signer = new AgentSigner(EthECKey.GenerateKey());
        var time = new FakeTimeProvider();
        var platform = new StubPlatform(signer.Address, time) { Refusals = 2 };
        using var http = new HttpClient(platform);
        var log = new StringWriter();

        var first = new SasRenewal(http, Api, signer, TimeSpan.FromHours(1), new AgentLog(log, time), time).FirstAsync(CancellationToken.None);
        await RequestsAsync(platform, 1);
        time.Advance(TimeSpan.FromSeconds(1));
        await RequestsAsync(platform, 2);
        time.Advance(TimeSpan.FromSeconds(1.999));
        await AssertNoRequestAsync(platform, 2);
        time.Advance(TimeSpan.FromMilliseconds(1));
        var access = await first.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(3, platform.Requests.Count);
        Assert.Equal([TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3)], platform.Times.Select(t => t - platform.Times[0]));
        Assert.Equal(2, Lines(log, "warn  sas-refused status=403 type=https://powerverse.dev/problems/not-an-agent"));
        Assert.Contains("retry-in=1s", log.ToString(), StringComparison.Ordinal);
        Assert.Contains("retry-in=2s", log.ToString(), StringComparison.Ordinal);
        Assert.Equal(1, Lines(log, "info  sas-granted expires="));
        Assert.Equal(AgentQueues.AgentQueueName(signer.Address), access.Current.Challenges.Name);
    }

    [Theory]
    [InlineData("{\"queue\":5}")]
    [InlineData("{\"queue\":\"not a url\",\"poison\":\"x\",\"results\":\"x\",\"events\":\"x\",\"expires\":\"2099-01-01T00:00:00Z\"}")]
    [InlineData("{\"expires\":[]}")]
    [InlineData("not json")]
    public async Task FirstAsync_GarbledAnswer_LoggedAndRetried(string garbled)
    {
        var signer = new AgentSigner(EthECKey.GenerateKey());
        var time = new FakeTimeProvider();
        var platform = new StubPlatform(signer.Address, time) { Garbled = garbled };
        using var http = new HttpClient(platform);
        var log = new StringWriter();

        var first = new SasRenewal(http, Api, signer, TimeSpan.FromHours(1), new AgentLog(log, time), time).FirstAsync(CancellationToken.None);
        await RequestsAsync(platform, 1);
        time.Advance(TimeSpan.FromSeconds(1));
        var access = await first.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(2, platform.Requests.Count);
        Assert.Equal(1, Lines(log, "warn  sas-refused"));
        Assert.Equal(AgentQueues.AgentQueueName(signer.Address), access.Current.Challenges.Name);
    }

    [Fact]
    public async Task RunAsync_ShorterGrant_RenewsAtFourFifthsOfTheGrantedLifetimeAndSwapsTheClients()
    {
        var signer = new AgentSigner(EthECKey.GenerateKey());
        var time = new FakeTimeProvider();

        // Asked for 20 s, granted 10 s: renewals are due 8 s after each grant.
        var platform = new StubPlatform(signer.Address, time) { Shorter = TimeSpan.FromSeconds(10) };
        using var http = new HttpClient(platform);
        var log = new StringWriter();
        var renewal = new SasRenewal(http, Api, signer, TimeSpan.FromSeconds(20), new AgentLog(log, time), time);
        var access = await renewal.FirstAsync(CancellationToken.None);
        var first = access.Current;
        using var stop = new CancellationTokenSource();
        var running = renewal.RunAsync(access, stop.Token);

        for (var renewed = 2; renewed <= 3; renewed++)
        {
            time.Advance(TimeSpan.FromMilliseconds(7999));
            await AssertNoRequestAsync(platform, renewed - 1);
            time.Advance(TimeSpan.FromMilliseconds(1));
            await RequestsAsync(platform, renewed);
        }

        await stop.CancelAsync();
        await running.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(2, Lines(log, "info  sas-renewed expires="));
        Assert.Contains("expires=" + Iso(platform.Times[0].AddSeconds(10)), log.ToString(), StringComparison.Ordinal);
        Assert.NotSame(first, access.Current);
        Assert.Equal([TimeSpan.Zero, TimeSpan.FromSeconds(8), TimeSpan.FromSeconds(16)], platform.Times.Select(t => t - platform.Times[0]));
    }

    [Fact]
    public async Task RunAsync_StorageAuthenticationFailed_RenewsAtOnceAfterBackoff()
    {
        var signer = new AgentSigner(EthECKey.GenerateKey());
        var time = new FakeTimeProvider();
        var platform = new StubPlatform(signer.Address, time);
        using var http = new HttpClient(platform);
        var log = new StringWriter();
        var renewal = new SasRenewal(http, Api, signer, TimeSpan.FromHours(24), new AgentLog(log, time), time);
        var access = await renewal.FirstAsync(CancellationToken.None);
        var first = access.Current;
        using var stop = new CancellationTokenSource();
        var running = renewal.RunAsync(access, stop.Token);

        // A rotated account key: storage refuses every SAS signed with the old one.
        Assert.True(access.Failed(new RequestFailedException(403, "Server failed to authenticate the request.", "AuthenticationFailed", null)));
        Assert.True(access.RenewalRequested.IsCompleted);
        await WaitForAsync(() => log.ToString().Contains("sas-rejected", StringComparison.Ordinal));
        time.Advance(TimeSpan.FromSeconds(1));
        await RequestsAsync(platform, 2);
        await WaitForAsync(() => !ReferenceEquals(first, access.Current));
        await stop.CancelAsync();
        await running.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(1, Lines(log, "info  sas-renewed-early expires="));
        Assert.Equal(TimeSpan.FromSeconds(1), platform.Times[1] - platform.Times[0]);
        Assert.False(access.RenewalRequested.IsCompleted);
        Assert.False(access.Failed(new InvalidOperationException("not storage")));
        Assert.True(access.Failed(new RequestFailedException(404, "gone", "QueueNotFound", null)));
        Assert.False(access.RenewalRequested.IsCompleted);
    }

    [Theory]
    [InlineData("https://pv-func.azurewebsites.net/api")]
    [InlineData("http://127.0.0.1:7071/api")]
    [InlineData("http://localhost:7071/api/")]
    [InlineData("http://[::1]:7071/api")]
    public void Base_HttpsOrLoopback_Accepted(string api) =>
        Assert.Equal(new Uri(api.TrimEnd('/') + "/agents/sas"), new Uri(SasGrant.Base(api), "agents/sas"));

    [Theory]
    [InlineData("http://pv-func.azurewebsites.net/api")]
    [InlineData("http://10.0.0.5:7071/api")]
    [InlineData("ftp://127.0.0.1/api")]
    [InlineData("/api")]
    public void Base_PlainHttpToAnotherHost_Refused(string api) =>
        Assert.Contains("--api", Assert.Throws<AgentConfigurationException>(() => SasGrant.Base(api)).Message, StringComparison.Ordinal);

    private static string Iso(DateTimeOffset time) => PowerVerse.Domain.Json.IsoUtc.Format(time);

    /// <summary>Waits (in real time: the agent runs on the thread pool) until the platform has had <paramref name="count"/> requests.</summary>
    private static Task RequestsAsync(StubPlatform platform, int count) => WaitForAsync(() => platform.Requests.Count >= count);

    /// <summary>The fake clock has not reached the next attempt: give the agent a moment and check it did not ask.</summary>
    private static async Task AssertNoRequestAsync(StubPlatform platform, int count)
    {
        await Task.Delay(50);
        Assert.Equal(count, platform.Requests.Count);
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting for the agent");
            await Task.Delay(5);
        }
    }

    private static int Lines(StringWriter log, string text) => log.ToString().Split('\n').Count(l => l.Contains(text, StringComparison.Ordinal));

    /// <summary>
    /// The platform's answers: a problem for the first <see cref="Refusals"/> requests, or <see cref="Garbled"/> with 200
    /// for the first, then SAS URLs expiring <see cref="Shorter"/> before what was asked.
    /// </summary>
    private sealed class StubPlatform(string agent, TimeProvider time) : HttpMessageHandler
    {
        public int Refusals { get; init; }

        public string? Garbled { get; init; }

        public TimeSpan Shorter { get; init; }

        public List<(Uri Uri, JsonObject Body)> Requests { get; } = [];

        public List<DateTimeOffset> Times { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = JsonNode.Parse(await request.Content!.ReadAsStringAsync(cancellationToken))!.AsObject();
            lock (Requests)
            {
                Requests.Add((request.RequestUri!, body));
                Times.Add(time.GetUtcNow());
            }

            if (Garbled is not null && Requests.Count == 1)
            {
                return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(Garbled, Encoding.UTF8, "application/json") };
            }

            if (Requests.Count <= Refusals)
            {
                return Json(HttpStatusCode.Forbidden, new JsonObject { ["type"] = "https://powerverse.dev/problems/not-an-agent", ["status"] = 403, ["detail"] = "not yet" });
            }

            var queue = AgentQueues.AgentQueueName(agent);
            return Json(HttpStatusCode.OK, new JsonObject
            {
                ["agent"] = agent, ["expires"] = PowerVerse.Domain.Json.IsoUtc.Format(DateTimeOffset.Parse((string)body["expires"]!, System.Globalization.CultureInfo.InvariantCulture) - Shorter),
                ["queue"] = Url(queue, "rup"), ["poison"] = Url(queue + "-poison", "a"), ["results"] = Url("proof-results", "a"), ["events"] = Url("agent-events", "a"),
            });
        }

        private static string Url(string queue, string permissions) => $"http://127.0.0.1:10001/devstoreaccount1/{queue}?sv=2025-01-05&se=2099-01-02T03%3A04%3A05Z&sp={permissions}&sig=c2ln";

        private static HttpResponseMessage Json(HttpStatusCode status, JsonObject body) =>
            new(status) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };
    }
}
