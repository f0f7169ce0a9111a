namespace PowerVerse.Functions.ReadModel.Entities;

/// <summary>
/// The index of HIDs by agent. Table <c>rmAgents</c>: PK the agent (lowercase address), RK the HID (decimal). Read by
/// <c>POST /api/agents/sas</c> (a one-partition read for the agent's candidate HIDs, which the chain then confirms);
/// written beside <see cref="HardwareEntity"/> from <c>HardwareRegistry.HardwareRegistered</c> and <c>AgentChanged</c>:
/// an HID whose agent changed leaves the old agent's partition.
/// </summary>
internal sealed class AgentHardwareEntity : ReadModelEntity
{
    /// <summary>The agent (EIP-55).</summary>
    public string Agent { get; set; } = string.Empty;

    public string Hid { get; set; } = string.Empty;
}
