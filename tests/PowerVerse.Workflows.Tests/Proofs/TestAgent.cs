using System.Globalization;
using System.Numerics;
using System.Text.Json.Nodes;
using Azure.Storage.Queues;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.Signer;
using PowerVerse.Domain.Hashing;
using PowerVerse.Domain.Proofs;
using PowerVerse.Workflows.Tests.Support;

namespace PowerVerse.Workflows.Tests.Proofs;

/// <summary>
/// An agent the test plays itself, to send what an honest gpu-agent never would: it holds a key, attests devices with
/// it, reads the challenges on its queue <c>agent-&lt;address&gt;</c>, solves them in process and posts results — honest
/// or forged — to <c>proof-results</c>, exactly in DESIGN §3's format.
/// </summary>
internal sealed class TestAgent
{
    private readonly LocalStack _stack;
    private readonly QueueClient _challenges;
    private readonly QueueClient _results;

    public TestAgent(LocalStack stack)
    {
        _stack = stack;
        Key = EthECKey.GenerateKey();
        var queues = new QueueServiceClient(stack.Storage.ConnectionString);
        _challenges = queues.GetQueueClient("agent-" + Address[2..]);
        _results = queues.GetQueueClient("proof-results");
    }

    public EthECKey Key { get; }

    /// <summary>Lowercase 0x form, as the agent's messages carry it.</summary>
    public string Address => Key.GetPublicAddress().ToLowerInvariant();

    /// <summary>The EIP-712 DeviceAttestation of a new device for <paramref name="owner"/>, signed with this agent's key.</summary>
    public DeviceAttestation Attest(string owner)
    {
        var uuid = $"GPU-{Guid.NewGuid()}";
        var deviceHash = Keccak256.Hash(uuid);
        var digest = PowerVerse.Chain.Attestation.DeviceAttestation.Digest(31337, _stack.Manifest["HardwareRegistry"], deviceHash, owner);
        return new DeviceAttestation(Key.GetPublicAddress(), uuid, deviceHash, Sign(Key, digest), string.Empty);
    }

    /// <summary>Takes the next challenge off its queue (deleting it, as an agent does once it has answered).</summary>
    public async Task<Challenge> NextChallengeAsync(TimeSpan timeout)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            await _challenges.CreateIfNotExistsAsync();
            if ((await _challenges.ReceiveMessageAsync()).Value is { } message)
            {
                await _challenges.DeleteMessageAsync(message.MessageId, message.PopReceipt);
                return Challenge.Read(JsonNode.Parse(message.Body.ToString())!.AsObject());
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"No challenge reached {_challenges.Name} within {timeout}.");
    }

    /// <summary>The first <c>shares</c> nonces from <paramref name="from"/> up that are shares of the challenge's seed for <paramref name="agent"/>.</summary>
    public static ulong[] Solve(byte[] seed, string agent, int difficulty, int shares, ulong from = 0)
    {
        var address = agent.HexToByteArray();
        const int Chunk = 1 << 16;
        var found = new List<ulong>();
        for (var start = from; found.Count < shares; start += Chunk * 4UL)
        {
            // Four chunks side by side: the hashing is the slow part.
            var parts = Enumerable.Range(0, 4).AsParallel().AsOrdered()
                .Select(p => Enumerable.Range(0, Chunk).Select(i => start + (ulong)(p * Chunk) + (ulong)i).Where(n => ProofShares.IsShare(seed, address, n, difficulty)).ToList())
                .ToList();
            found.AddRange(parts.SelectMany(p => p));
        }

        return [.. found.Take(shares)];
    }

    /// <summary>A result message of DESIGN §3 over <paramref name="nonces"/>, signed (EIP-712 ProofResult) by <paramref name="signer"/> (default: this agent).</summary>
    public JsonObject Result(Challenge challenge, IReadOnlyList<ulong> nonces, EthECKey? signer = null, string? challengeId = null, string? agent = null)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        var (startedAt, finishedAt) = (1_800_000_000UL, 1_800_000_001UL);
        var digest = ProofResultTypedData.Digest(31337, _stack.Manifest["ProofOfCompute"], BigInteger.Parse(challenge.Id, CultureInfo.InvariantCulture),
            BigInteger.Parse(challenge.Vid, CultureInfo.InvariantCulture), challenge.Seed, nonces, startedAt, finishedAt);
        return new JsonObject
        {
            ["version"] = 1,
            ["type"] = "result",
            ["challengeId"] = challengeId ?? challenge.Id,
            ["vid"] = challenge.Vid,
            ["agent"] = agent ?? Address,
            ["nonces"] = new JsonArray([.. nonces.Select(n => (JsonNode)("0x" + n.ToString("x16", CultureInfo.InvariantCulture)))]),
            ["startedAt"] = startedAt,
            ["finishedAt"] = finishedAt,
            ["hashes"] = 1_048_576,
            ["backend"] = "cpu",
            ["device"] = "test",
            ["signature"] = Sign(signer ?? Key, digest).ToHex(prefix: true),
        };
    }

    public async Task PostAsync(JsonObject result)
    {
        await _results.CreateIfNotExistsAsync();
        await _results.SendMessageAsync(result.ToJsonString());
    }

    private static byte[] Sign(EthECKey key, byte[] digest) => EthECDSASignature.CreateStringSignature(key.SignAndCalculateV(digest)).HexToByteArray();

    /// <summary>A challenge as DESIGN §3 sends it.</summary>
    public sealed record Challenge(string Id, string Vid, byte[] Seed, int Difficulty, int Shares, DateTimeOffset Deadline, JsonObject Message)
    {
        public static Challenge Read(JsonObject message) => new(
            (string)message["challengeId"]!, (string)message["vid"]!, ((string)message["seed"]!).HexToByteArray(), (int)message["difficulty"]!,
            (int)message["shares"]!, DateTimeOffset.Parse((string)message["deadline"]!, CultureInfo.InvariantCulture), message);
    }
}
