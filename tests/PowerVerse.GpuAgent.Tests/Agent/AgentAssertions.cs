using System.Buffers.Binary;
using System.Globalization;
using System.Text.Json.Nodes;
using Nethereum.Signer;
using Nethereum.Signer.EIP712;
using PowerVerse.Domain.Hashing;
using PowerVerse.GpuAgent.Tests.Support;

namespace PowerVerse.GpuAgent.Tests.Agent;

/// <summary>What the agent tests check in its messages, computed independently of the agent's own code where it matters.</summary>
internal static class AgentAssertions
{
    public static bool IsResultOf(JsonObject message, string challengeId, string agent) =>
        (string?)message["type"] == "result" && (string?)message["challengeId"] == challengeId && (string?)message["agent"] == agent;

    /// <summary>The signer of a result's EIP-712 ProofResult, recovered by Nethereum from the typed data as a wallet writes it.</summary>
    public static string RecoverProofSigner(JsonObject result, byte[] seed)
    {
        var nonces = result["nonces"]!.AsArray().Select(n => Convert.ToUInt64((string)n!, 16));
        var json = WalletJson.ProofResult(AgentHarness.ChainId, AgentHarness.ProofContract, (string)result["challengeId"]!, (string)result["vid"]!, seed, nonces,
            (ulong)result["startedAt"]!, (ulong)result["finishedAt"]!);
        return new Eip712TypedDataSigner().RecoverFromSignatureV4(json, (string)result["signature"]!).ToLowerInvariant();
    }

    /// <summary>The EIP-191 signer over canonical bytes (from the JCS reference, not the agent's serializer).</summary>
    public static string RecoverJsonSigner(byte[] canonical, JsonObject message) =>
        new EthereumMessageSigner().EcRecover(canonical, (string)message["signature"]!).ToLowerInvariant();

    /// <summary>The message without its signature, as the JCS reference reads it.</summary>
    public static string Unsigned(JsonObject message)
    {
        var copy = (JsonObject)message.DeepClone();
        copy.Remove("signature");
        return copy.ToJsonString();
    }

    public static int LeadingZeroBitsOfProofHash(byte[] seed, string agent, ulong nonce)
    {
        var message = new byte[60];
        seed.CopyTo(message, 0);
        Convert.FromHexString(agent[2..]).CopyTo(message, 32);
        BinaryPrimitives.WriteUInt64BigEndian(message.AsSpan(52), nonce);
        return Backends.Cpu.CpuKernelTests.LeadingZeroBits(Keccak256.Hash(message));
    }

    public static byte[] RandomBytes(int length) => System.Security.Cryptography.RandomNumberGenerator.GetBytes(length);

    public static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The condition did not hold within {timeout}.");
            }

            await Task.Delay(250);
        }
    }
}
