namespace PowerVerse.Testing;

/// <summary>
/// Deploys the real suite with the project's own deploy script (contracts/scripts/deploy.js: every contract, roles,
/// test funds, the DAO parameters seeded through a governance proposal) to a test's node. The manifest goes to a
/// folder of the test's own (PV_DEPLOYMENTS_DIR), never to contracts/deployments, which <c>./pv up</c> uses.
/// </summary>
public static class SuiteDeployment
{
    /// <summary>Deploys and returns the manifest's path (<c>DIRECTORY/31337.json</c>; read it with DeploymentManifest.Load).</summary>
    public static async Task<string> DeployAsync(Uri rpcUrl, string directory)
    {
        ArgumentNullException.ThrowIfNull(rpcUrl);
        await EnsureArtifactsAsync();
        await using var deploy = ChildProcess.Start(RepoPaths.Node, ["scripts/deploy.js"], RepoPaths.Contracts,
            new Dictionary<string, string> { ["PV_RPC_URL"] = rpcUrl.ToString().TrimEnd('/'), ["PV_DEPLOYMENTS_DIR"] = directory });
        var exit = await deploy.WaitForExitAsync(TimeSpan.FromSeconds(120));
        if (exit != 0)
        {
            throw new InvalidOperationException($"deploy.js exited with {exit}:\n{deploy.Output}");
        }

        return Path.Combine(directory, "31337.json");
    }

    // The script deploys Hardhat's build output; `./pv test` builds it before the .NET tests. Build only when it is
    // missing (a test run on its own), so parallel test projects never rebuild artifacts under each other.
    private static async Task EnsureArtifactsAsync()
    {
        if (File.Exists(Path.Combine(RepoPaths.Contracts, "artifacts", "contracts", "market", "ComputeMarket.sol", "ComputeMarket.json")))
        {
            return;
        }

        var hardhat = Path.Combine(RepoPaths.Contracts, "node_modules", "hardhat", "dist", "src", "cli.js");
        await using var build = ChildProcess.Start(RepoPaths.Node, [hardhat, "build", "--quiet"], RepoPaths.Contracts);
        if (await build.WaitForExitAsync(TimeSpan.FromSeconds(300)) != 0)
        {
            throw new InvalidOperationException($"hardhat build failed:\n{build.Output}");
        }
    }
}
