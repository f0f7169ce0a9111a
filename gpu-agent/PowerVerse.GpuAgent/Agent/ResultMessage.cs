using System.Globalization;
using System.Text.Json.Nodes;
using PowerVerse.GpuAgent.Backends;
using PowerVerse.GpuAgent.Messages;

namespace PowerVerse.GpuAgent.Agent;

/// <summary>The <c>result</c> message on <c>proof-results</c> (DESIGN §3).</summary>
internal static class ResultMessage
{
    public static JsonObject Create(
        ChallengeMessage challenge, string agent, ProofSolution solution, ulong startedAt, ulong finishedAt, IProofSolver solver, string signature) => new()
    {
        ["version"] = 1,
        ["type"] = "result",
        ["challengeId"] = challenge.ChallengeId.ToString(CultureInfo.InvariantCulture),
        ["vid"] = challenge.Vid.ToString(CultureInfo.InvariantCulture),
        ["agent"] = agent,
        ["nonces"] = new JsonArray([.. solution.Nonces.Select(n => (JsonNode)("0x" + n.ToString("x16", CultureInfo.InvariantCulture)))]),
        ["startedAt"] = startedAt,
        ["finishedAt"] = finishedAt,
        ["hashes"] = solution.Hashes,
        ["backend"] = solver.Backend,
        ["device"] = solver.Device,
        ["signature"] = signature,
    };
}
