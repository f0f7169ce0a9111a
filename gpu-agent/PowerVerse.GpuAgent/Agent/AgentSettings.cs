using System.Globalization;
using System.Numerics;

namespace PowerVerse.GpuAgent.Agent;

/// <summary>What <c>run</c> needs besides the key and the queues.</summary>
internal sealed record AgentSettings(
    BigInteger ChainId,
    string ProofContract,
    TimeSpan Visibility,
    TimeSpan MinIdle,
    TimeSpan MaxIdle,
    TimeSpan Heartbeat,
    TimeSpan ProgressEvery,
    string SshHost,
    int SshPort,
    string SshUser)
{
    public static AgentSettings From(AgentOptions options) => new(
        options.ChainId,
        options.ProofContract,
        options.Seconds("visibility-seconds", 60),
        options.Seconds("min-idle-seconds", 0.5),
        options.Seconds("max-idle-seconds", 10),
        options.Seconds("heartbeat-seconds", 60),
        options.Seconds("progress-seconds", 5),
        options.Get("ssh-host") ?? "127.0.0.1",
        int.Parse(options.Get("ssh-port") ?? "22", CultureInfo.InvariantCulture),
        options.Get("ssh-user") ?? "powerverse");
}
