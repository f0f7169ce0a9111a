using System.Numerics;
using PowerVerse.Ethereum.Crypto;

namespace PowerVerse.GpuAgent.Messages;

/// <summary>A <c>challenge</c> on the agent's queue (DESIGN §3), of kind <c>keccak-shares</c>.</summary>
internal sealed record ChallengeMessage(
    BigInteger ChallengeId,
    BigInteger Vid,
    byte[] Seed,
    int Difficulty,
    int Shares,
    DateTimeOffset IssuedAt,
    DateTimeOffset Deadline,
    BigInteger ChainId,
    Address ProofContract,
    Address? Agent) : IAgentMessage;
