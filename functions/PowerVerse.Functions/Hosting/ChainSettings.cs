namespace PowerVerse.Functions.Hosting;

/// <summary>Which chain the app works on (configuration section <c>Chain</c>).</summary>
public sealed class ChainSettings
{
    /// <summary>Configuration key of <see cref="RpcUrl"/>.</summary>
    public const string RpcUrlSetting = "Chain:RpcUrl";

    /// <summary>Configuration key of <see cref="Manifest"/>.</summary>
    public const string ManifestSetting = "Chain:Manifest";

    /// <summary>The node's JSON-RPC endpoint (in Azure a Key Vault reference).</summary>
    public Uri? RpcUrl { get; set; }

    /// <summary>The deployment manifest the deploy script wrote (contracts/deployments/&lt;chainId&gt;.json).</summary>
    public string? Manifest { get; set; }

    public bool IsConfigured => RpcUrl is not null && !string.IsNullOrEmpty(Manifest);
}
