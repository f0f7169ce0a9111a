using System.Globalization;
using System.Numerics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Storage.Queues;
using Azure.Storage.Sas;
using Nethereum.Hex.HexConvertors.Extensions;
using PowerVerse.Workflows.Tests.Support;

namespace PowerVerse.Workflows.Tests.Settlement;

/// <summary>
/// A real gpu-agent of the test's own, run on SAS URLs of queues only the test reads (its challenge queue, and results
/// and events queues named for the test): the test hands it a challenge as the proof workflow would and takes its
/// signed result, which no queue function of the app competes for.
/// </summary>
internal sealed class PrivateAgent : IAsyncDisposable
{
    private readonly string _folder;
    private readonly QueueClient _challenges;
    private readonly QueueClient _results;

    private PrivateAgent(string folder, GpuAgentProcess process, QueueServiceClient queues)
    {
        _folder = folder;
        Process = process;
        _challenges = queues.GetQueueClient("agent-" + process.Address[2..].ToLowerInvariant());
        _results = queues.GetQueueClient("settlement-test-results");
    }

    public GpuAgentProcess Process { get; }

    public string Address => Process.Address;

    public static async Task<PrivateAgent> StartAsync(LocalStack stack)
    {
        ArgumentNullException.ThrowIfNull(stack);
        var folder = Directory.CreateTempSubdirectory("pv-settlement-agent-").FullName;
        var process = await GpuAgentProcess.InitAsync(Path.Combine(folder, "agent"));
        var options = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None };
        var service = new QueueServiceClient(stack.Storage.ConnectionString, options);
        var agent = new PrivateAgent(folder, process, service);
        var events = service.GetQueueClient("settlement-test-events");
        var poison = service.GetQueueClient(agent._challenges.Name + "-poison");
        foreach (var queue in new[] { agent._challenges, agent._results, events, poison })
        {
            await queue.CreateIfNotExistsAsync();
        }

        await process.RunAsync(Sas(agent._challenges, QueueSasPermissions.Read | QueueSasPermissions.Process | QueueSasPermissions.Update), Sas(agent._results, QueueSasPermissions.Add),
            Sas(events, QueueSasPermissions.Add), Sas(poison, QueueSasPermissions.Add), stack.Manifest["ProofOfCompute"]);
        return agent;
    }

    /// <summary>Puts a keccak-shares challenge on the agent's queue (DESIGN §3) and waits for its result.</summary>
    public async Task<AgentResult> SolveAsync(BigInteger challengeId, BigInteger vid, byte[] seed, int difficulty, int shares, long issuedAt, long deadline, string proofContract, TimeSpan timeout)
    {
        var challenge = new JsonObject
        {
            ["version"] = 1, ["type"] = "challenge", ["challengeId"] = Decimal(challengeId), ["vid"] = Decimal(vid), ["kind"] = "keccak-shares",
            ["seed"] = seed.ToHex(prefix: true), ["difficulty"] = difficulty, ["shares"] = shares, ["issuedAt"] = Iso(issuedAt),
            ["deadline"] = Iso(deadline), ["chainId"] = 31337, ["proofContract"] = proofContract.ToLowerInvariant(),
        };
        await _challenges.SendMessageAsync(challenge.ToJsonString());
        using var cancel = new CancellationTokenSource(timeout);
        while (true)
        {
            foreach (var message in (await _results.ReceiveMessagesAsync(8, cancellationToken: cancel.Token)).Value)
            {
                using var result = JsonDocument.Parse(message.Body.ToString());
                var root = result.RootElement;
                await _results.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancel.Token);
                if (root.GetProperty("challengeId").GetString() == Decimal(challengeId))
                {
                    return new AgentResult(
                        [.. root.GetProperty("nonces").EnumerateArray().Select(n => ulong.Parse(n.GetString()![2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture))],
                        root.GetProperty("startedAt").GetUInt64(), root.GetProperty("finishedAt").GetUInt64(), root.GetProperty("signature").GetString()!.HexToByteArray());
                }
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), cancel.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Process.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private static Uri Sas(QueueClient queue, QueueSasPermissions permissions) => queue.GenerateSasUri(permissions, DateTimeOffset.UtcNow.AddHours(2));

    private static string Decimal(BigInteger value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Iso(long unixSeconds) => DateTimeOffset.FromUnixTimeSeconds(unixSeconds).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
