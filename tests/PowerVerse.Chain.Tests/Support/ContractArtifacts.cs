using System.Text.Json;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.Hex.HexTypes;
using Nethereum.Web3;
using PowerVerse.Testing;

namespace PowerVerse.Chain.Tests.Support;

/// <summary>
/// The real PowerVerse contracts as Hardhat builds them (contracts/artifacts), for tests that check this layer against
/// the contract itself rather than a copy. Built with <c>hardhat build</c> only when missing (<c>./pv test</c> builds
/// them first), so parallel test projects never rebuild artifacts under each other.
/// </summary>
internal static class ContractArtifacts
{
    private static readonly SemaphoreSlim Build = new(1, 1);

    /// <summary>Deploys <c>contracts/contracts/FOLDER/NAME.sol</c>'s NAME from <paramref name="deployer"/>; returns its address.</summary>
    public static async Task<string> DeployAsync(IWeb3 deployer, string folder, string name, params object[] arguments)
    {
        var path = Path.Combine(RepoPaths.Contracts, "artifacts", "contracts", folder, name + ".sol", name + ".json");
        await EnsureBuiltAsync(path);
        using var artifact = JsonDocument.Parse(await File.ReadAllTextAsync(path));
        var receipt = await deployer.Eth.DeployContract.SendRequestAndWaitForReceiptAsync(
            artifact.RootElement.GetProperty("abi").GetRawText(), artifact.RootElement.GetProperty("bytecode").GetString()!.RemoveHexPrefix(),
            deployer.TransactionManager.Account.Address, new HexBigInteger(6_000_000), null, arguments);
        return receipt.ContractAddress;
    }

    private static async Task EnsureBuiltAsync(string path)
    {
        await Build.WaitAsync();
        try
        {
            if (File.Exists(path))
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
        finally
        {
            Build.Release();
        }
    }
}
