using System.Globalization;
using System.Numerics;
using PowerVerse.GpuAgent.Signing;

namespace PowerVerse.GpuAgent.Agent;

/// <summary>
/// The agent's settings: each from <c>--name value</c> on the command line, else the environment variable
/// <c>PV_AGENT_NAME</c> (upper case, dashes as underscores), else its default.
/// </summary>
internal sealed class AgentOptions
{
    private readonly Dictionary<string, string> _values = new(StringComparer.OrdinalIgnoreCase);

    public AgentOptions(IEnumerable<string> args, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var list = args.ToList();
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i].StartsWith("--", StringComparison.Ordinal))
            {
                var name = list[i][2..];
                _values[name] = i + 1 < list.Count && !list[i + 1].StartsWith("--", StringComparison.Ordinal) ? list[++i] : "true";
            }
        }

        var env = environment ?? Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string?)e.Value);
        foreach (var (key, value) in env)
        {
            if (key.StartsWith("PV_AGENT_", StringComparison.Ordinal) && value is not null)
            {
                _values.TryAdd(key["PV_AGENT_".Length..].Replace('_', '-').ToLowerInvariant(), value);
            }
        }
    }

    public string? Get(string name) => _values.GetValueOrDefault(name);

    public string Require(string name) =>
        Get(name) ?? throw new AgentConfigurationException($"Missing setting '--{name}' (or PV_AGENT_{name.Replace('-', '_').ToUpperInvariant()}).");

    public bool Has(string name) => _values.ContainsKey(name);

    public string Keystore => Get("keystore") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".powerverse", "agent-keystore.json");

    public string GrantsFile => Get("grants-file") ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(Keystore))!, "grants.json");

    public BigInteger ChainId => BigInteger.Parse(Require("chain-id"), CultureInfo.InvariantCulture);

    /// <summary>Lowercase 0x form.</summary>
    public string ProofContract =>
        AgentAddress.TryNormalize(Require("proof-contract"), out var address) ? address : throw new AgentConfigurationException($"--proof-contract '{Require("proof-contract")}' is not an address.");

    public TimeSpan Seconds(string name, double fallback) =>
        TimeSpan.FromSeconds(Get(name) is { } text ? double.Parse(text, CultureInfo.InvariantCulture) : fallback);

    /// <summary>The passphrase from <c>--passphrase-file</c>, else <c>--passphrase</c> / PV_AGENT_PASSPHRASE.</summary>
    public string Passphrase() =>
        Get("passphrase-file") is { } file ? File.ReadAllText(file).TrimEnd('\r', '\n') : Require("passphrase");
}
