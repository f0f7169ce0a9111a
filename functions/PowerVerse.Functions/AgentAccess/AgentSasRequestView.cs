namespace PowerVerse.Functions.AgentAccess;

/// <summary>The body of <c>POST /api/agents/sas</c>, for the OpenAPI document.</summary>
/// <param name="Agent">The agent's address (the agent of a registered HID).</param>
/// <param name="Expires">When the SAS should expire: ISO 8601 UTC with Z, in the future and at most the platform's maximum lifetime (24 h) away.</param>
/// <param name="Signature">EIP-191 personal_sign by the agent over the RFC 8785 canonical JSON of {agent, expires}.</param>
public sealed record AgentSasRequestView(string Agent, string Expires, string Signature);
