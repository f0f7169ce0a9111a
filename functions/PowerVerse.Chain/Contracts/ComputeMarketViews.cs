using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace PowerVerse.Chain.Contracts;

// ComputeMarket's views the read model reads (DESIGN §2, ComputeMarket). ContractSurfaceTests checks them against contracts/abi.

/// <summary><c>ComputeMarket.orderOf(uid)</c>: the UID's listing or sale (state None, Listed, Escrowed, Settled).</summary>
[Function("orderOf", typeof(OrderOutput))]
public sealed class OrderOfFunction : FunctionMessage
{
    [Parameter("uint256", "uid", 1)]
    public BigInteger Uid { get; set; }
}

/// <summary>The <c>Order</c> struct <see cref="OrderOfFunction"/> returns.</summary>
[FunctionOutput]
public sealed class OrderOutput : IFunctionOutputDTO
{
    [Parameter("tuple", "", 1)]
    public MarketOrder Order { get; set; } = new();
}

/// <summary><c>IPowerVerseMarket.Order</c>; <c>Account</c> is the seller while listed, the buyer once bought.</summary>
public sealed class MarketOrder
{
    public const byte None = 0;
    public const byte Listed = 1;
    public const byte Escrowed = 2;
    public const byte Settled = 3;

    [Parameter("address", "account", 1)]
    public string Account { get; set; } = string.Empty;

    [Parameter("uint64", "end", 2)]
    public ulong End { get; set; }

    [Parameter("uint8", "state", 3)]
    public byte State { get; set; }

    [Parameter("address", "token", 4)]
    public string Token { get; set; } = string.Empty;

    [Parameter("uint16", "feeBps", 5)]
    public ushort FeeBps { get; set; }

    [Parameter("uint16", "burnShareBps", 6)]
    public ushort BurnShareBps { get; set; }

    [Parameter("uint64", "start", 7)]
    public ulong Start { get; set; }

    [Parameter("uint256", "price", 8)]
    public BigInteger Price { get; set; }

    [Parameter("uint256", "refunded", 9)]
    public BigInteger Refunded { get; set; }
}

/// <summary><c>ComputeMarket.shareListing(listingId)</c>: an RID listing; all zero once filled or cancelled.</summary>
[Function("shareListing", typeof(ShareListingOutput))]
public sealed class ShareListingFunction : FunctionMessage
{
    [Parameter("uint256", "listingId", 1)]
    public BigInteger ListingId { get; set; }
}

/// <summary>The <c>ShareListing</c> struct <see cref="ShareListingFunction"/> returns.</summary>
[FunctionOutput]
public sealed class ShareListingOutput : IFunctionOutputDTO
{
    [Parameter("tuple", "", 1)]
    public ShareListingInfo Listing { get; set; } = new();
}

/// <summary><c>IPowerVerseMarket.ShareListing</c>.</summary>
public sealed class ShareListingInfo
{
    [Parameter("address", "seller", 1)]
    public string Seller { get; set; } = string.Empty;

    [Parameter("address", "token", 2)]
    public string Token { get; set; } = string.Empty;

    [Parameter("uint256", "vid", 3)]
    public BigInteger Vid { get; set; }

    [Parameter("uint256", "remaining", 4)]
    public BigInteger Remaining { get; set; }

    [Parameter("uint256", "unitPrice", 5)]
    public BigInteger UnitPrice { get; set; }
}
