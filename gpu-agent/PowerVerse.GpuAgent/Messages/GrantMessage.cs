using System.Numerics;
using PowerVerse.Ethereum.Crypto;

namespace PowerVerse.GpuAgent.Messages;

/// <summary>A <c>grant</c> on the agent's queue (DESIGN §3): give <see cref="User"/> access to the VID until <see cref="Expires"/>.</summary>
internal sealed record GrantMessage(BigInteger Uid, BigInteger Vid, Address User, DateTimeOffset Expires, string? SshPublicKey) : IAgentMessage;
