namespace PowerVerse.Functions.Orchestrations.Proofs;

/// <summary>A challenge requested on chain (<c>ChallengeRequested</c>): its id, VID, requester and the transaction that asked.</summary>
public sealed record RequestedChallenge(string ChallengeId, string Vid, string Requester, string TransactionHash, long Block);
