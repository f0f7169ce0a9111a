using System.Numerics;
using Nethereum.Hex.HexTypes;
using Nethereum.RPC.Eth.DTOs;
using PowerVerse.Chain.Events;

namespace PowerVerse.Chain.Tests.Events;

public sealed class EventRegistryTests
{
    private const string TransferTopic = "0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef";
    private const string From = "0x00000000000000000000000070997970c51812dc3a010c7d01b50e0d17dc79c8";
    private const string To = "0x0000000000000000000000003c44cdddb6a900fa2b585dd299e03d12fa4293bc";

    [Fact]
    public void Decode_Erc20AndErc721Transfer_SameSignatureDifferentIndexing_BothRead()
    {
        var erc20 = EventRegistry.Contracts.Decode(Log([TransferTopic, From, To], "0x" + new BigInteger(5000).ToString("x64")));
        var erc721 = EventRegistry.Contracts.Decode(Log([TransferTopic, From, To, "0x" + new BigInteger(7).ToString("x64")], "0x"));

        Assert.Equal("Transfer", erc20!.Name);
        Assert.Equal(new BigInteger(5000), erc20.Number("value"));
        Assert.Equal("Transfer", erc721!.Name);
        Assert.Equal(new BigInteger(7), erc721.Number("tokenId"));
        Assert.Equal("0x70997970c51812dc3a010c7d01b50e0d17dc79c8", erc721.Address("from"), ignoreCase: true);
    }

    [Fact]
    public void Decode_UnknownTopic_IsNull() =>
        Assert.Null(EventRegistry.Contracts.Decode(Log(["0x" + new string('1', 64)], "0x")));

    private static FilterLog Log(string[] topics, string data) => new()
    {
        Address = "0x5FbDB2315678afecb367f032d93F642f64180aa3",
        Topics = topics.Cast<object>().ToArray(),
        Data = data,
        BlockNumber = new HexBigInteger(10),
        BlockHash = "0x" + new string('a', 64),
        TransactionHash = "0x" + new string('b', 64),
        LogIndex = new HexBigInteger(0),
    };
}
