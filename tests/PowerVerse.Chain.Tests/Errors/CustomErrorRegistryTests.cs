using System.Numerics;
using System.Text.Json;
using Nethereum.ABI.ABIDeserialisation;
using Nethereum.Contracts;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.Hex.HexConvertors.Extensions;
using PowerVerse.Chain.Errors;
using PowerVerse.Chain.Tests.Support;
using PowerVerse.Chain.Transactions;

namespace PowerVerse.Chain.Tests.Errors;

/// <summary>Revert data decoded by selector, from vectors and from a real node on both paths. Account #10.</summary>
public sealed class CustomErrorRegistryTests
{
    private const int Account = 10;

    public static TheoryData<int> Cases() => TestData.Indexes("errors");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Decode_EthersVectors_ReadsAsTheContractWroteThem(int index)
    {
        var c = TestData.Expected.GetProperty("errors")[index];
        var registry = new CustomErrorRegistry([AbiOf(c.GetProperty("signature").GetString()!)]);

        var decoded = registry.Decode(c.GetProperty("data").GetString());

        Assert.Equal(c.GetProperty("text").GetString(), decoded!.ToString());
        Assert.Equal(c.GetProperty("selector").GetString(), decoded.Selector);
    }

    [Fact]
    public void Contracts_EveryErrorInContractsAbi_IsRegistered()
    {
        var deserialiser = new ABIJsonDeserialiser();
        var declared = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "ContractAbi"), "*.json")
            .SelectMany(f => deserialiser.DeserialiseContract(File.ReadAllText(f)).Errors)
            .ToList();

        Assert.NotEmpty(declared);
        Assert.All(declared, e => Assert.Equal(e.Name, CustomErrorRegistry.Contracts.Find(e.Sha3Signature)?.Name));
        Assert.Equal(declared.Select(e => e.Sha3Signature).Distinct().Count() + 2, CustomErrorRegistry.Contracts.Count);
    }

    [Fact]
    public void Decode_UnknownSelector_KeepsTheRawData()
    {
        var decoded = CustomErrorRegistry.Contracts.Decode("0xdeadbeef01");

        Assert.False(decoded!.IsKnown);
        Assert.Equal("UnknownError(0xdeadbeef01)", decoded.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0x")]
    [InlineData("0x1234")]
    public void Decode_NoRevertData_IsNull(string? data) => Assert.Null(CustomErrorRegistry.Contracts.Decode(data));

    [Fact]
    public void Decode_Panic_ReadsTheCode() =>
        Assert.Equal("Panic(code=17)", CustomErrorRegistry.Contracts.Decode("0x4e487b71" + new BigInteger(17).ToString("x64"))!.ToString());

    [Fact]
    public async Task Decode_CallPath_TypedRevertException()
    {
        var chain = await TestChain.Shared;

        var ex = await Assert.ThrowsAnyAsync<Exception>(() => chain.Web3.Eth.GetContractQueryHandler<BuyFunction>()
            .QueryAsync<bool>(chain.MarketAddress, new BuyFunction { Uid = 999, FromAddress = TestChain.AddressOf(Account) }));

        Assert.IsType<SmartContractCustomErrorRevertException>(ex);
        Assert.Equal($"EthereumTestMarketListingNotActive(uid=999, caller={TestChain.AddressOf(Account)})", TestChain.Errors.Decode(ex)!.ToString());
    }

    [Fact]
    public async Task Decode_CallPath_ErrorString()
    {
        var chain = await TestChain.Shared;

        var ex = await Assert.ThrowsAnyAsync<Exception>(() => chain.Web3.Eth.GetContractQueryHandler<FailFunction>()
            .QueryAsync<bool>(chain.MarketAddress, new FailFunction { Reason = "listing closed" }));

        Assert.Equal("Error(message=\"listing closed\")", TestChain.Errors.Decode(ex)?.ToString());
    }

    [Fact]
    public async Task Decode_SendPath_NodeErrorData()
    {
        var chain = await TestChain.Shared;
        using var sender = await chain.SenderAsync(Account);

        // A fixed gas limit skips estimation, so the node itself refuses the reverting transaction with the data in RpcError.Data.
        var ex = await Assert.ThrowsAsync<TransactionRejectedException>(() => sender.SendAsync(
            new TransactionRequest { To = chain.MarketAddress, Data = new BuyFunction { Uid = 998 }.GetCallData(), GasLimit = 100_000 }));

        Assert.Equal($"EthereumTestMarketListingNotActive(uid=998, caller={sender.Address})", TestChain.Errors.Decode(ex)!.ToString());
        // Its nonce was used (mined reverted, or filled): the next send from this key goes through.
        var next = await sender.SendAsync(new TransactionRequest { To = chain.MarketAddress, Data = new BumpFunction().GetCallData(), GasLimit = 100_000 });
        Assert.True((await sender.WaitForConfirmationsAsync(next)).Succeeded());
    }

    [Fact]
    public async Task SendAsync_RevertAtEstimate_ThrowsDecodedAndUsesNoNonce()
    {
        var chain = await TestChain.Shared;
        using var sender = await chain.SenderAsync(Account);
        var nonce = await chain.Web3.Eth.Transactions.GetTransactionCount.SendRequestAsync(sender.Address);

        var ex = await Assert.ThrowsAsync<ContractRevertedException>(() => sender.SendAsync(
            new TransactionRequest { To = chain.MarketAddress, Data = new FailFunction { Reason = "closed" }.GetCallData() }));

        Assert.Equal("Error(message=\"closed\")", ex.Error!.ToString());
        Assert.Equal(nonce.Value, (await chain.Web3.Eth.Transactions.GetTransactionCount.SendRequestAsync(sender.Address)).Value);
    }

    /// <summary>A one-error ABI from a signature such as <c>InsufficientBalance(address,uint256,string)</c>, with the argument names ethers used.</summary>
    private static string AbiOf(string signature)
    {
        var names = new Dictionary<string, string[]>
        {
            ["ComputeMarketListingNotActive"] = ["uid"],
            ["InsufficientBalance"] = ["account", "needed", "why"],
            ["Error"] = ["message"],
        };
        var name = signature[..signature.IndexOf('(')];
        var types = signature[(name.Length + 1)..^1].Split(',', StringSplitOptions.RemoveEmptyEntries);
        var inputs = types.Select((t, i) => new { name = names[name][i], type = t });
        return JsonSerializer.Serialize(new[] { new { type = "error", name, inputs } });
    }
}
