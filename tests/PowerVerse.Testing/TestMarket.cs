using System.Numerics;
using System.Text.Json;
using Nethereum.Contracts;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.Hex.HexTypes;
using Nethereum.Web3;
using Nethereum.Web3.Accounts;

namespace PowerVerse.Testing;

/// <summary>
/// The small test contract of tests/PowerVerse.Chain.Tests/TestData (EthereumTestMarket: events, a custom error,
/// views), deployed by Hardhat account #0 on a node: what chain-following code is tested and measured on.
/// </summary>
public sealed class TestMarket
{
    private const string Deployer = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80"; // Hardhat #0

    private static readonly Lazy<JsonElement> Compiled = new(() => JsonDocument.Parse(
        File.ReadAllText(Path.Combine(RepoPaths.Root, "tests", "PowerVerse.Chain.Tests", "TestData", "contracts.json"))).RootElement.GetProperty("EthereumTestMarket"));

    private TestMarket(Web3 web3, string address, BigInteger deploymentBlock)
    {
        Web3 = web3;
        Address = address;
        DeploymentBlock = deploymentBlock;
    }

    public static string Abi => Compiled.Value.GetProperty("abi").GetRawText();

    /// <summary>Account #0's client on the node (it deploys and bumps).</summary>
    public Web3 Web3 { get; }

    public string Address { get; }

    public BigInteger DeploymentBlock { get; }

    public static async Task<TestMarket> DeployAsync(Uri rpc)
    {
        var web3 = new Web3(new Account(Deployer, 31337), rpc.ToString());
        var receipt = await web3.Eth.DeployContract.SendRequestAndWaitForReceiptAsync(
            Abi, Compiled.Value.GetProperty("bytecode").GetString()!.RemoveHexPrefix(), web3.TransactionManager.Account.Address,
            new HexBigInteger(3_000_000), null, "0x0000000000000000000000000000000000000001");
        return new TestMarket(web3, receipt.ContractAddress, receipt.BlockNumber.Value);
    }

    /// <summary>Calls <c>bump()</c> <paramref name="times"/> times, one block each: one Bumped event per block.</summary>
    public async Task BumpAsync(int times)
    {
        var handler = Web3.Eth.GetContractTransactionHandler<BumpFunction>();
        for (var i = 0; i < times; i++)
        {
            await handler.SendRequestAndWaitForReceiptAsync(Address, new BumpFunction());
        }
    }

    /// <summary>After <c>evm_revert</c> the account's nonce is the chain's again, not the client's count.</summary>
    public Task ForgetNoncesAsync() => ((Account)Web3.TransactionManager.Account).NonceService.ResetNonceAsync();

    [Nethereum.ABI.FunctionEncoding.Attributes.Function("bump")]
    private sealed class BumpFunction : FunctionMessage;
}
