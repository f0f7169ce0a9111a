using System.Numerics;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PowerVerse.Chain.Deployment;

/// <summary>
/// Where the contracts are: the manifest the deploy script writes (contracts/deployments/&lt;chainId&gt;.json) with
/// every contract address, the chain id, the deployment block and the platform roles.
/// </summary>
public sealed record DeploymentManifest
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { NumberHandling = JsonNumberHandling.AllowReadingFromString };

    public required long ChainId { get; init; }

    public required long DeploymentBlock { get; init; }

    public required IReadOnlyDictionary<string, string> Contracts { get; init; }

    public IReadOnlyDictionary<string, string> Roles { get; init; } = new Dictionary<string, string>();

    /// <summary>A contract's address by its name (e.g. "ComputeMarket").</summary>
    /// <exception cref="KeyNotFoundException">The manifest has no such contract.</exception>
    public string this[string contract] => Contracts.TryGetValue(contract, out var address)
        ? address
        : throw new KeyNotFoundException($"The deployment manifest has no contract '{contract}'.");

    public BigInteger FirstBlock => DeploymentBlock;

    public static DeploymentManifest Parse(string json) =>
        JsonSerializer.Deserialize<DeploymentManifest>(json, Json) ?? throw new FormatException("The deployment manifest is empty.");

    public static DeploymentManifest Load(string path) => Parse(File.ReadAllText(path));
}
