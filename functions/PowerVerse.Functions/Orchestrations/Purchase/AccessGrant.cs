namespace PowerVerse.Functions.Orchestrations.Purchase;

/// <summary>
/// A UID's access as the platform keeps it: who may use it until when, on which agent, the purchase workflow that
/// asked for it, and — once the agent applied the grant — the endpoint the user connects to.
/// </summary>
public sealed record AccessGrant(
    string Uid, string Vid, string User, long Expires, string Agent, string WorkflowId, AccessEndpoint? Endpoint, DateTimeOffset? AppliedAt);
