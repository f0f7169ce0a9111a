using System.Diagnostics;
using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Storage.Queues;
using Azure.Storage.Sas;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;
using Nethereum.Hex.HexConvertors.Extensions;
using PowerVerse.Chain.Contracts;
using PowerVerse.Chain.Events;
using PowerVerse.Domain.Hashing;
using PowerVerse.Workflows.Tests.Support;

namespace PowerVerse.Workflows.Tests.Dividends;

/// <summary>
/// A real gpu-agent process of the dividend tests' own, and proofs of its resources made directly on chain with the
/// platform's challenger key (Hardhat #2): request → dispatch with a committed salt → the challenge on the agent's queue
/// → the agent's signed result → submitted; or a challenge left unanswered past its deadline → expired → slashed. Its
/// results go to a queue of its own, so nothing else on the stack consumes them.
/// </summary>
public sealed class ProvingAgent : IAsyncDisposable
{
    private const int Challenger = 2;
    private readonly LocalStack _stack;
    private readonly string _folder;
    private readonly GpuAgentProcess _process;
    private readonly QueueClient _challenges;
    private readonly QueueClient _results;
    private readonly Wallet _challenger;
    private readonly SemaphoreSlim _challengerOrder = new(1, 1);

    private ProvingAgent(LocalStack stack, string folder, GpuAgentProcess process, QueueClient challenges, QueueClient results)
    {
        (_stack, _folder, _process, _challenges, _results) = (stack, folder, process, challenges, results);
        _challenger = new Wallet(stack, Challenger);
    }

    public string Address => _process.Address;

    public GpuAgentProcess Process => _process;

    /// <summary>A new agent key in a folder of its own (removed on dispose), its queues, and the agent running on them.</summary>
    public static async Task<ProvingAgent> StartAsync(LocalStack stack)
    {
        ArgumentNullException.ThrowIfNull(stack);
        var folder = Directory.CreateTempSubdirectory("pv-dividend-agent-").FullName;
        var process = await GpuAgentProcess.InitAsync(folder);
        var name = "agent-" + process.Address[2..].ToLowerInvariant();
        var queues = new[] { name, name + "-poison", "dividend-test-results", "dividend-test-events" }
            .Select(q => new QueueClient(stack.Storage.ConnectionString, q, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None })).ToArray();
        foreach (var queue in queues)
        {
            await queue.CreateIfNotExistsAsync();
        }

        var urls = queues.Select(q => q.GenerateSasUri(QueueSasPermissions.All, DateTimeOffset.UtcNow.AddHours(2))).ToArray();
        await process.RunAsync(urls[0], urls[2], urls[3], urls[1], stack.Manifest["ProofOfCompute"]);
        return new ProvingAgent(stack, folder, process, queues[0], queues[2]);
    }

    /// <summary>A proof of <paramref name="vid"/> requested by <paramref name="requester"/> (its owner), solved by the agent and verified on chain.</summary>
    public async Task<BigInteger> ProveAsync(BigInteger vid, Wallet requester)
    {
        ArgumentNullException.ThrowIfNull(requester);
        var id = Requested(await requester.SendAsync("ProofOfCompute", new RequestChallengeFunction { Vid = vid }));
        var salt = RandomNumberGenerator.GetBytes(32);
        await ChallengerAsync(new DispatchChallengeFunction { ChallengeId = id, SaltHash = Keccak256.Hash(salt) });
        var challenge = await ChallengeAsync(id);
        var seed = Keccak256.Hash([.. challenge.Entropy, .. salt]);

        var clock = Stopwatch.StartNew();
        await _challenges.SendMessageAsync(new JsonObject
        {
            ["version"] = 1, ["type"] = "challenge", ["challengeId"] = Text(id), ["vid"] = Text(vid), ["kind"] = "keccak-shares",
            ["seed"] = seed.ToHex(prefix: true), ["difficulty"] = (int)challenge.Difficulty, ["shares"] = (int)challenge.Shares,
            ["issuedAt"] = Iso(challenge.IssuedAt), ["deadline"] = Iso(challenge.Deadline), ["chainId"] = 31337,
            ["proofContract"] = _stack.Manifest["ProofOfCompute"].ToLowerInvariant(),
        }.ToJsonString());
        var result = await ResultAsync(id, TimeSpan.FromSeconds(60));
        var observed = (ulong)Math.Max(1, clock.ElapsedMilliseconds);

        await ChallengerAsync(new SubmitResultFunction
        {
            ChallengeId = id, Salt = salt,
            Nonces = [.. result.GetProperty("nonces").EnumerateArray().Select(n => ulong.Parse(n.GetString()![2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture))],
            StartedAt = result.GetProperty("startedAt").GetUInt64(), FinishedAt = result.GetProperty("finishedAt").GetUInt64(),
            ObservedElapsedMs = observed, Signature = result.GetProperty("signature").GetString()!.HexToByteArray(),
        });
        return id;
    }

    /// <summary>A challenge of <paramref name="vid"/> the agent never hears of: past its deadline it expires, and the HID is slashed for it.</summary>
    public async Task<BigInteger> MissAsync(BigInteger vid, BigInteger hid)
    {
        var id = Requested(await ChallengerAsync(new RequestChallengeFunction { Vid = vid }));
        await ChallengerAsync(new DispatchChallengeFunction { ChallengeId = id, SaltHash = Keccak256.Hash(RandomNumberGenerator.GetBytes(32)) });
        var challenge = await ChallengeAsync(id);
        var now = await _stack.Clock.NowAsync();
        await _stack.Clock.AdvanceAsync((long)challenge.Deadline - now.ToUnixTimeSeconds() + 1);
        await ChallengerAsync(new ExpireChallengeFunction { ChallengeId = id });
        await ChallengerAsync(new SlashFunction { Hid = hid, ChallengeId = id });
        return id;
    }

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        _challengerOrder.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private async Task<Nethereum.RPC.Eth.DTOs.TransactionReceipt> ChallengerAsync<TFunction>(TFunction call)
        where TFunction : FunctionMessage, new()
    {
        // One account's transactions one at a time: each takes the next nonce.
        await _challengerOrder.WaitAsync();
        try
        {
            return await _challenger.SendAsync(ContractOf(call), call);
        }
        finally
        {
            _challengerOrder.Release();
        }
    }

    private static string ContractOf(FunctionMessage call) => call is SlashFunction ? "ProviderStaking" : "ProofOfCompute";

    private async Task<ChallengeInfo> ChallengeAsync(BigInteger id) =>
        (await _stack.Web3.Eth.GetContractQueryHandler<ChallengeOfFunction>()
            .QueryDeserializingToObjectAsync<ChallengeOutput>(new ChallengeOfFunction { ChallengeId = id }, _stack.Manifest["ProofOfCompute"])).Challenge;

    private async Task<JsonElement> ResultAsync(BigInteger id, TimeSpan timeout)
    {
        var until = DateTimeOffset.UtcNow + timeout;
        while (DateTimeOffset.UtcNow < until)
        {
            foreach (var message in (await _results.ReceiveMessagesAsync(16, TimeSpan.FromSeconds(5))).Value)
            {
                using var document = JsonDocument.Parse(message.Body.ToString());
                if (document.RootElement.GetProperty("challengeId").GetString() == Text(id))
                {
                    await _results.DeleteMessageAsync(message.MessageId, message.PopReceipt);
                    return document.RootElement.Clone();
                }
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"The agent posted no result for challenge {id} within {timeout}:\n{_process.Output}");
    }

    private static BigInteger Requested(Nethereum.RPC.Eth.DTOs.TransactionReceipt receipt) =>
        receipt.Logs.Select(EventRegistry.Contracts.Decode).OfType<DecodedEvent>().Single(e => e.Name == "ChallengeRequested").Number("challengeId");

    private static string Text(BigInteger value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Iso(ulong unixSeconds) => DateTimeOffset.FromUnixTimeSeconds((long)unixSeconds).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
