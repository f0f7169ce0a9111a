namespace PowerVerse.Workflows.Tests.Support;

/// <summary>
/// One device of the agent's <c>init</c> payload, attested for an owner: what <c>HardwareRegistry.register</c> takes; and
/// the payload file it came from (what a provider hands to <c>write hardware --payload</c>).
/// </summary>
public sealed record DeviceAttestation(string Agent, string Uuid, byte[] DeviceHash, byte[] Attestation, string PayloadFile);
