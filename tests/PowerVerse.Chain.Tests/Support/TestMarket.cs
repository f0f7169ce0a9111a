using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace PowerVerse.Chain.Tests.Support;

// The surface of TestData/generator/contracts/EthereumTestMarket.sol the tests call, as Nethereum DTOs.

[Function("list")]
internal sealed class ListFunction : FunctionMessage
{
    [Parameter("uint256", "uid", 1)]
    public BigInteger Uid { get; set; }

    [Parameter("uint256", "price", 2)]
    public BigInteger Price { get; set; }

    [Parameter("string", "note", 3)]
    public string Note { get; set; } = string.Empty;
}

[Function("buy")]
internal sealed class BuyFunction : FunctionMessage
{
    [Parameter("uint256", "uid", 1)]
    public BigInteger Uid { get; set; }
}

[Function("bump")]
internal sealed class BumpFunction : FunctionMessage;

[Function("fail")]
internal sealed class FailFunction : FunctionMessage
{
    [Parameter("string", "reason", 1)]
    public string Reason { get; set; } = string.Empty;
}

[Function("countOf", "uint256")]
internal sealed class CountOfFunction : FunctionMessage
{
    [Parameter("address", "account", 1)]
    public string Account { get; set; } = string.Empty;
}

[Function("lastSender", "address")]
internal sealed class LastSenderFunction : FunctionMessage;

[Event("Bumped")]
internal sealed class BumpedEvent : IEventDTO
{
    [Parameter("address", "account", 1, true)]
    public string Account { get; set; } = string.Empty;

    [Parameter("uint256", "count", 2, false)]
    public BigInteger Count { get; set; }
}

[Event("Listed")]
internal sealed class ListedEvent : IEventDTO
{
    [Parameter("uint256", "uid", 1, true)]
    public BigInteger Uid { get; set; }

    [Parameter("address", "seller", 2, true)]
    public string Seller { get; set; } = string.Empty;

    [Parameter("uint256", "price", 3, false)]
    public BigInteger Price { get; set; }

    [Parameter("string", "note", 4, false)]
    public string Note { get; set; } = string.Empty;
}
