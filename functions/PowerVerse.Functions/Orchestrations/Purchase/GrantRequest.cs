namespace PowerVerse.Functions.Orchestrations.Purchase;

/// <summary>What a purchase asks the provider's agent for: the UID's user gets the VID until <see cref="Expires"/> (unix seconds).</summary>
public sealed record GrantRequest(string WorkflowId, string Uid, string Vid, string User, long Expires, string? SshPublicKey);
