using System.Numerics;
using Nethereum.Contracts;
using PowerVerse.Chain.Errors;
using PowerVerse.Chain.Forwarding;
using PowerVerse.Chain.Tests.Support;

namespace PowerVerse.Chain.Tests.Forwarding;

/// <summary>
/// A relayed call simulated as the PowerForwarder would make it, against EthereumTestMarket (which trusts it) on the
/// Hardhat node. Nothing is sent and nothing is signed: the simulation skips the forwarder's own checks. User #15.
/// </summary>
public sealed class SimulateTests
{
    private const int User = 15;

    [Fact]
    public async Task SimulateAsync_CallThatSucceeds_Returns()
    {
        var (forwarder, market) = await CreateSutAsync();
        var nonce = await forwarder.NoncesAsync(TestChain.AddressOf(User));

        await forwarder.SimulateAsync(Request(market, new ListFunction { Uid = 501, Price = 5, Note = "simulated" }.GetCallData()));

        Assert.Equal(nonce, await forwarder.NoncesAsync(TestChain.AddressOf(User)));
    }

    [Fact]
    public async Task SimulateAsync_TargetRevertsWithCustomError_DecodedByNameWithTheUserAsCaller()
    {
        var (forwarder, market) = await CreateSutAsync();

        var ex = await Assert.ThrowsAsync<ContractRevertedException>(() =>
            forwarder.SimulateAsync(Request(market, new BuyFunction { Uid = 999 }.GetCallData())));

        Assert.Equal("EthereumTestMarketListingNotActive", ex.Error?.Name);
        Assert.Equal("999", ex.Error!["uid"]!.ToString());
        // ERC-2771: the market read the user from the calldata's last 20 bytes, not the forwarder that called it.
        Assert.Equal(TestChain.AddressOf(User), (string)ex.Error["caller"]!, ignoreCase: true);
    }

    [Fact]
    public async Task SimulateAsync_TargetRevertsWithReason_ErrorString()
    {
        var (forwarder, market) = await CreateSutAsync();

        var ex = await Assert.ThrowsAsync<ContractRevertedException>(() =>
            forwarder.SimulateAsync(Request(market, new FailFunction { Reason = "listing closed" }.GetCallData())));

        Assert.Equal("Error(message=\"listing closed\")", ex.Error?.ToString());
    }

    [Fact]
    public async Task SimulateAsync_RevertWithoutDataOrOutOfGas_RevertedWithoutError()
    {
        var (forwarder, market) = await CreateSutAsync();
        var list = new ListFunction { Uid = 502, Price = 5, Note = "simulated" }.GetCallData();

        // The forwarder has no such function and no fallback: a bare revert. Then the market with too little gas.
        var bare = await Assert.ThrowsAsync<ContractRevertedException>(() => forwarder.SimulateAsync(Request(forwarder.Address, [0xde, 0xad, 0xbe, 0xef])));
        var starved = await Assert.ThrowsAsync<ContractRevertedException>(() => forwarder.SimulateAsync(Request(market, list, gas: 5_000)));

        Assert.Null(bare.Error);
        Assert.Null(starved.Error);
        await forwarder.SimulateAsync(Request(market, list, gas: 200_000));
    }

    private static async Task<(ForwarderClient Forwarder, string Market)> CreateSutAsync()
    {
        var chain = await TestChain.Shared;
        return (new ForwarderClient(chain.Web3, chain.ForwarderAddress, TestChain.Errors), chain.MarketAddress);
    }

    private static ForwardRequestData Request(string to, byte[] data, long gas = 300_000) => new()
    {
        From = TestChain.AddressOf(User),
        To = to,
        Value = BigInteger.Zero,
        Gas = gas,
        Deadline = (ulong)DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds(),
        Data = data,
    };
}
