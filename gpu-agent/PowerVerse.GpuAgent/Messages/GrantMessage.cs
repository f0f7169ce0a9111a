using System.Numerics;

namespace PowerVerse.GpuAgent.Messages;

/// <summary>A <c>grant</c> on the agent's queue (DESIGN §3): give <see cref="User"/> (lowercase 0x address) access to the VID until <see cref="Expires"/>.</summary>
internal sealed record GrantMessage(BigInteger Uid, BigInteger Vid, string User, DateTimeOffset Expires, string? SshPublicKey) : IAgentMessage;
