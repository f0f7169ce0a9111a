namespace PowerVerse.Functions.Orchestrations.Proofs;

/// <summary>
/// A challenge as dispatched (<c>ChallengeDispatched</c>): what the agent is sent and what its result is checked
/// against. <see cref="Seed"/> = keccak256(entropy ‖ salt) (0x hex); the salt itself stays in the challenges table.
/// Times are the chain's (unix seconds). <see cref="PollSeconds"/> is how often the workflow asks whether the deadline passed.
/// </summary>
public sealed record DispatchedChallenge(
    string ChallengeId, string Vid, string Hid, string Agent, string Seed, int Difficulty, int Shares, long IssuedAt, long Deadline,
    string ChainId, string ProofContract, string TransactionHash, long Block, double PollSeconds);
