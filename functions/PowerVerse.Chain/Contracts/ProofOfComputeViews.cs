using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace PowerVerse.Chain.Contracts;

// ProofOfCompute's views the read model reads (DESIGN §2, ProofOfCompute). ContractSurfaceTests checks them against contracts/abi.

/// <summary><c>ProofOfCompute.challengeOf(challengeId)</c>: a challenge as it stands (all zero for an unknown id).</summary>
[Function("challengeOf", typeof(ChallengeOutput))]
public sealed class ChallengeOfFunction : FunctionMessage
{
    [Parameter("uint256", "challengeId", 1)]
    public BigInteger ChallengeId { get; set; }
}

/// <summary>The <c>Challenge</c> struct <see cref="ChallengeOfFunction"/> returns.</summary>
[FunctionOutput]
public sealed class ChallengeOutput : IFunctionOutputDTO
{
    [Parameter("tuple", "", 1)]
    public ChallengeInfo Challenge { get; set; } = new();
}

/// <summary><c>IPowerVerseProof.Challenge</c>; <c>Status</c> is the contract's enum (see the constants).</summary>
public sealed class ChallengeInfo
{
    public const byte None = 0;
    public const byte Open = 1;
    public const byte Verified = 2;
    public const byte Expired = 3;
    public const byte Requested = 4;
    public const byte Lapsed = 5;

    [Parameter("uint256", "vid", 1)]
    public BigInteger Vid { get; set; }

    [Parameter("uint256", "hid", 2)]
    public BigInteger Hid { get; set; }

    [Parameter("bytes32", "seed", 3)]
    public byte[] Seed { get; set; } = [];

    [Parameter("address", "agent", 4)]
    public string Agent { get; set; } = string.Empty;

    [Parameter("uint64", "issuedAt", 5)]
    public ulong IssuedAt { get; set; }

    [Parameter("uint64", "deadline", 6)]
    public ulong Deadline { get; set; }

    [Parameter("uint8", "difficulty", 7)]
    public byte Difficulty { get; set; }

    [Parameter("uint16", "shares", 8)]
    public ushort Shares { get; set; }

    [Parameter("uint8", "status", 9)]
    public byte Status { get; set; }

    [Parameter("uint64", "elapsedMs", 10)]
    public ulong ElapsedMs { get; set; }

    [Parameter("address", "requester", 11)]
    public string Requester { get; set; } = string.Empty;

    [Parameter("uint64", "requestedAt", 12)]
    public ulong RequestedAt { get; set; }

    [Parameter("uint32", "deadlineSeconds", 13)]
    public uint DeadlineSeconds { get; set; }

    [Parameter("bytes32", "entropy", 14)]
    public byte[] Entropy { get; set; } = [];

    [Parameter("bytes32", "saltHash", 15)]
    public byte[] SaltHash { get; set; } = [];
}

/// <summary><c>ProofOfCompute.lastRequestOf(vid, requester)</c>: the last challenge the requester asked for the VID (0: none).</summary>
[Function("lastRequestOf", "uint256")]
public sealed class LastRequestOfFunction : FunctionMessage
{
    [Parameter("uint256", "vid", 1)]
    public BigInteger Vid { get; set; }

    [Parameter("address", "requester", 2)]
    public string Requester { get; set; } = string.Empty;
}
