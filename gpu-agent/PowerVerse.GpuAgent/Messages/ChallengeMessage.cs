using System.Numerics;

namespace PowerVerse.GpuAgent.Messages;

/// <summary>A <c>challenge</c> on the agent's queue (DESIGN §3), of kind <c>keccak-shares</c>; addresses in lowercase 0x form.</summary>
internal sealed record ChallengeMessage(
    BigInteger ChallengeId,
    BigInteger Vid,
    byte[] Seed,
    int Difficulty,
    int Shares,
    DateTimeOffset IssuedAt,
    DateTimeOffset Deadline,
    BigInteger ChainId,
    string ProofContract,
    string? Agent) : IAgentMessage;
