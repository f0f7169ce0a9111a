using PowerVerse.Functions.Writes;

namespace PowerVerse.Functions.Orchestrations.Proofs;

/// <summary>
/// Who asks for a proof (the proof workflow's input): a user's signed request relayed through the forwarder
/// (<c>POST /api/proofs</c>: the UID's user or the VID's provider), or the platform's challenger itself for
/// <see cref="Vid"/> (a purchase's first proof, the cadence).
/// </summary>
public sealed record ProofRequest(WriteRequest? Write, string? Vid)
{
    /// <summary>The orchestration of a user's <c>POST /api/proofs</c> (a write: its id is the request's EIP-712 hash).</summary>
    public const string UserWorkflow = "RequestProof";

    /// <summary>The orchestration of a platform proof (the same workflow; its name says who asked).</summary>
    public const string PlatformWorkflow = "Proof";

    public static object Relayed(WriteRequest write) => new ProofRequest(write, null);

    public static ProofRequest Platform(string vid) => new(null, vid);
}
