namespace PowerVerse.Functions.AgentAccess;

/// <summary>
/// How the platform issues agents their queue SAS (DESIGN §3, section <c>AgentAccess</c>): the agent account's key that
/// signs them (in Azure a Key Vault reference; absent on the local stack, where the <c>AgentQueues</c> connection
/// string's key signs) and the longest lifetime a SAS may have.
/// </summary>
public sealed class AgentAccessOptions
{
    public const string SectionName = "AgentAccess";

    /// <summary>The agent-queue account's key, used only to sign service SAS for agents (Bicep: secret <c>agent-queues-key</c>).</summary>
    public const string AccountKeySetting = "AgentAccess:AccountKey";

    /// <summary>DESIGN §3: an agent's SAS is valid for at most 24 h.</summary>
    public static readonly TimeSpan DefaultMaxLifetime = TimeSpan.FromHours(24);

    /// <summary>
    /// How far an agent's clock may run ahead of the platform's: an agent asking for its full lifetime by its own clock
    /// is not refused for being a little fast. The SAS still expires at the time it asked for.
    /// </summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    public string? AccountKey { get; set; }

    public TimeSpan MaxLifetime { get; set; } = DefaultMaxLifetime;
}
