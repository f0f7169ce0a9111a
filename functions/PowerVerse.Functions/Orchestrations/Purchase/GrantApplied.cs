namespace PowerVerse.Functions.Orchestrations.Purchase;

/// <summary>The agent's <c>grant-applied</c> (checked: signed by the UID's agent), raised to the purchase that waits for it.</summary>
public sealed record GrantApplied(string Uid, string Agent, AccessEndpoint Endpoint)
{
    /// <summary>The name of the external event the purchase waits for.</summary>
    public const string EventName = "grant-applied";
}
