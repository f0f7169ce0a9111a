using System.Numerics;
using System.Text.Json.Nodes;
using Azure;
using Azure.Storage.Queues;
using Nethereum.Signer;
using Nethereum.Util;
using PowerVerse.Chain.Contracts;
using PowerVerse.Client.Api;
using PowerVerse.Workflows.Tests.Proofs;
using PowerVerse.Workflows.Tests.Support;

namespace PowerVerse.Workflows.Tests.AgentAccess;

/// <summary>
/// <c>POST /api/agents/sas</c> on the real local host (issue 12, DESIGN §3): the agent of a registered HID gets service
/// SAS URLs that, tried on Azurite, open its own queue for receive/delete and add to its poison queue,
/// <c>proof-results</c> and <c>agent-events</c> — and nothing else; refusals are problem+json and create nothing.
/// </summary>
[Collection(ProofStackTests.Name)]
public sealed class AgentSasTests(LocalStack stack)
{
    private static readonly QueueClientOptions Plain = new() { MessageEncoding = QueueMessageEncoding.None };

    [Fact]
    public async Task PostAgentSas_RegisteredAgent_UrlsOpenItsOwnQueuesAndNothingElse()
    {
        var agent = EthECKey.GenerateKey();
        var other = EthECKey.GenerateKey();
        await RegisterAsync(agent);
        var expires = DateTimeOffset.UtcNow.AddMinutes(10);

        var answer = await stack.Api.PostAgentSasAsync(agent, expires);

        Assert.True(answer.IsSuccess, answer.Problem?.ToString());
        Assert.Equal(agent.GetPublicAddress(), answer.Json.Text("agent"));
        Assert.Equal(AgentSasRequest.Time(expires), answer.Json.Text("expires"));
        var queue = Sas(answer, "queue");
        var (poison, results, events) = (Sas(answer, "poison"), Sas(answer, "results"), Sas(answer, "events"));
        Assert.Equal(QueueName(agent), queue.Name);
        Assert.Equal((QueueName(agent) + "-poison", "proof-results", "agent-events"), (poison.Name, results.Name, events.Name));

        // Its own queue, created by the platform: the agent receives, keeps invisible and deletes what the platform sends.
        await Admin(QueueName(agent)).SendMessageAsync("{\"version\":1,\"type\":\"sas-test\"}");
        var received = (await queue.ReceiveMessagesAsync(1, TimeSpan.FromSeconds(30))).Value.Single();
        var updated = await queue.UpdateMessageAsync(received.MessageId, received.PopReceipt, visibilityTimeout: TimeSpan.FromSeconds(30));
        await queue.DeleteMessageAsync(received.MessageId, updated.Value.PopReceipt);
        await poison.SendMessageAsync("{\"version\":1,\"type\":\"sas-test\"}");
        await events.SendMessageAsync(Heartbeat(agent).ToJsonString());
        await results.SendMessageAsync("{\"version\":1,\"type\":\"sas-test\"}");

        // Nothing else: reading the shared queues, another agent's queue through the same signature, creating queues.
        var otherQueue = Admin(QueueName(other));
        await otherQueue.CreateIfNotExistsAsync();
        await otherQueue.SendMessageAsync("{\"version\":1,\"type\":\"sas-test\"}");
        var othersMessage = (await otherQueue.ReceiveMessagesAsync(1, TimeSpan.FromSeconds(1))).Value.Single();
        var otherWithOwnSas = new QueueClient(new QueueUriBuilder(queue.Uri) { QueueName = QueueName(other) }.ToUri(), Plain);
        var otherWithAddSas = new QueueClient(new QueueUriBuilder(poison.Uri) { QueueName = QueueName(other) }.ToUri(), Plain);
        await Refused(() => results.ReceiveMessagesAsync(1));
        await Refused(() => results.PeekMessagesAsync(1));
        await Refused(() => events.ReceiveMessagesAsync(1));
        await Refused(() => poison.ReceiveMessagesAsync(1));
        await Refused(() => otherWithAddSas.SendMessageAsync("{}"));
        await Refused(() => otherWithOwnSas.ReceiveMessagesAsync(1));
        await Refused(() => otherWithOwnSas.DeleteMessageAsync(othersMessage.MessageId, othersMessage.PopReceipt));
        await Refused(() => queue.SendMessageAsync("{}"));
        await Refused(() => new QueueClient(new QueueUriBuilder(queue.Uri) { QueueName = "agent-sas-created" }.ToUri(), Plain).CreateAsync());
        await Refused(() => queue.CreateAsync());
        Assert.False((await Admin("agent-sas-created").ExistsAsync()).Value);
    }

    [Fact]
    public async Task PostAgentSas_Refusals_ProblemJsonAndNoQueueCreated()
    {
        var registered = EthECKey.GenerateKey();
        var unregistered = EthECKey.GenerateKey();
        await RegisterAsync(registered);
        var now = DateTimeOffset.UtcNow;

        await AssertRefusedAsync(await stack.Api.PostAgentSasAsync(unregistered, now.AddHours(1)), 403, "not-an-agent");
        await AssertRefusedAsync(await Post(Signed(registered, now.AddHours(1), signer: unregistered)), 401, "invalid-authorization");
        await AssertRefusedAsync(await stack.Api.PostAgentSasAsync(registered, now.AddMinutes(-1)), 400, "expired");
        await AssertRefusedAsync(await stack.Api.PostAgentSasAsync(registered, now.AddHours(25)), 400, "lifetime-too-long");
        await AssertRefusedAsync(await Post("not json"), 400, "malformed-request");
        await AssertRefusedAsync(await Post("{\"agent\":\"" + registered.GetPublicAddress() + "\",\"expires\":\"" + AgentSasRequest.Time(now.AddHours(1)) + "\"}"), 400, "malformed-request");
        var extra = Signed(registered, now.AddHours(1));
        extra["queue"] = "agent-0000000000000000000000000000000000000000";
        await AssertRefusedAsync(await Post(extra), 400, "malformed-request");
        var offset = Signed(registered, now.AddHours(1));
        offset["expires"] = now.AddHours(1).ToString("yyyy-MM-dd'T'HH:mm:ss+00:00", System.Globalization.CultureInfo.InvariantCulture);
        await AssertRefusedAsync(await Post(offset), 400, "malformed-request");

        Assert.False((await Admin(QueueName(registered)).ExistsAsync()).Value);
        Assert.False((await Admin(QueueName(unregistered)).ExistsAsync()).Value);
        Assert.False((await Admin(QueueName(unregistered) + "-poison").ExistsAsync()).Value);
    }

    /// <summary>Registers a device whose agent is <paramref name="agent"/> straight on chain (not through the API, so not indexed yet).</summary>
    private async Task RegisterAsync(EthECKey agent)
    {
        var provider = new Wallet(stack, 6);
        var deviceHash = Sha3Keccack.Current.CalculateHash(System.Text.Encoding.UTF8.GetBytes($"GPU-{Guid.NewGuid()}"));
        var digest = PowerVerse.Chain.Attestation.DeviceAttestation.Digest(31337, stack.Manifest["HardwareRegistry"], deviceHash, provider.Address);
        var attestation = EthECDSASignature.CreateStringSignature(agent.SignAndCalculateV(digest));
        await provider.SendAsync("HardwareRegistry", new RegisterHardwareFunction
        {
            GpuModel = MarketSteps.H200, DeviceHash = deviceHash, Agent = agent.GetPublicAddress(), Vcpus = 8, MemoryMiB = 16_384,
            Attestation = Nethereum.Hex.HexConvertors.Extensions.HexByteConvertorExtensions.HexToByteArray(attestation),
        });
    }

    private static string QueueName(EthECKey agent) => "agent-" + agent.GetPublicAddress()[2..].ToLowerInvariant();

    private QueueClient Admin(string name) => new(stack.Storage.ConnectionString, name, Plain);

    private static QueueClient Sas(ApiResponse answer, string name) => new(new Uri(answer.Json.Text(name)!), Plain);

    private static JsonObject Signed(EthECKey agent, DateTimeOffset expires, EthECKey? signer = null)
    {
        var body = AgentSasRequest.Sign(signer ?? agent, expires);
        body["agent"] = agent.GetPublicAddress();
        return body;
    }

    private static JsonObject Heartbeat(EthECKey agent)
    {
        var body = new JsonObject
        {
            ["version"] = 1, ["type"] = "heartbeat", ["agent"] = agent.GetPublicAddress(), ["at"] = AgentSasRequest.Time(DateTimeOffset.UtcNow), ["gpus"] = new JsonArray(),
        };
        body["signature"] = new EthereumMessageSigner().EncodeUTF8AndSign(PowerVerse.Domain.Json.CanonicalJson.SerializeWithoutSignature(body), agent);
        return body;
    }

    private Task<ApiResponse> Post(JsonObject body) => Post(body.ToJsonString());

    private Task<ApiResponse> Post(string body) => stack.Api.PostJsonAsync("/api/agents/sas", body);

    private static Task AssertRefusedAsync(ApiResponse answer, int status, string slug)
    {
        Assert.False(answer.IsSuccess, $"expected {status} {slug}, got 200");
        Assert.Equal((status, slug), (answer.Problem!.Status, answer.Problem.Slug));
        Assert.False(string.IsNullOrEmpty(answer.Problem.Detail));
        return Task.CompletedTask;
    }

    private static async Task Refused<T>(Func<Task<T>> call)
    {
        var refused = await Assert.ThrowsAsync<RequestFailedException>(call);
        Assert.Equal(403, refused.Status);
    }
}
