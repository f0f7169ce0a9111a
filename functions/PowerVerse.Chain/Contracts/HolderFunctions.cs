using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace PowerVerse.Chain.Contracts;

// What sellers, buyers and revenue holders send besides ProviderFunctions (DESIGN §2): unlisting, retiring, RID share
// trades, income claims and proof requests. ContractSurfaceTests checks every declared signature against contracts/abi.

/// <summary><c>ComputeMarket.unlist(uid)</c>, by the seller.</summary>
[Function("unlist")]
public sealed class UnlistFunction : FunctionMessage
{
    [Parameter("uint256", "uid", 1)]
    public BigInteger Uid { get; set; }
}

/// <summary><c>retire(id)</c> of UsageRights (an unsold UID, which frees its VID) or ResourceRegistry (a free VID).</summary>
[Function("retire")]
public sealed class RetireFunction : FunctionMessage
{
    [Parameter("uint256", "id", 1)]
    public BigInteger Id { get; set; }
}

/// <summary><c>ComputeMarket.settle(uid)</c>: after the rental and its dispute window (the challenger may settle within it).</summary>
[Function("settle")]
public sealed class SettleFunction : FunctionMessage
{
    [Parameter("uint256", "uid", 1)]
    public BigInteger Uid { get; set; }
}

/// <summary><c>ComputeMarket.listShares(vid, amount, token, unitPrice)</c>: lists RID shares (escrowed while listed).</summary>
[Function("listShares", "uint256")]
public sealed class ListSharesFunction : FunctionMessage
{
    [Parameter("uint256", "vid", 1)]
    public BigInteger Vid { get; set; }

    [Parameter("uint256", "amount", 2)]
    public BigInteger Amount { get; set; }

    [Parameter("address", "token", 3)]
    public string Token { get; set; } = string.Empty;

    [Parameter("uint256", "unitPrice", 4)]
    public BigInteger UnitPrice { get; set; }
}

/// <summary><c>ComputeMarket.buyShares(listingId, amount, token, unitPrice)</c>: the terms the buyer agreed to (approved first).</summary>
[Function("buyShares")]
public sealed class BuySharesFunction : FunctionMessage
{
    [Parameter("uint256", "listingId", 1)]
    public BigInteger ListingId { get; set; }

    [Parameter("uint256", "amount", 2)]
    public BigInteger Amount { get; set; }

    [Parameter("address", "token", 3)]
    public string Token { get; set; } = string.Empty;

    [Parameter("uint256", "unitPrice", 4)]
    public BigInteger UnitPrice { get; set; }
}

/// <summary><c>ComputeMarket.cancelShareListing(listingId)</c>, by the seller.</summary>
[Function("cancelShareListing")]
public sealed class CancelShareListingFunction : FunctionMessage
{
    [Parameter("uint256", "listingId", 1)]
    public BigInteger ListingId { get; set; }
}

/// <summary><c>RevenueRights.claim(vid, token)</c>: the caller's income from a VID in one token.</summary>
[Function("claim", "uint256")]
public sealed class ClaimIncomeFunction : FunctionMessage
{
    [Parameter("uint256", "vid", 1)]
    public BigInteger Vid { get; set; }

    [Parameter("address", "token", 2)]
    public string Token { get; set; } = string.Empty;
}

/// <summary><c>ProofOfCompute.requestChallenge(vid)</c>, by the live UID's user, the VID's owner or the challenger.</summary>
[Function("requestChallenge", "uint256")]
public sealed class RequestChallengeFunction : FunctionMessage
{
    [Parameter("uint256", "vid", 1)]
    public BigInteger Vid { get; set; }
}

/// <summary>ERC-721 <c>transferFrom(from, to, tokenId)</c> of an HID, VID or UID (a listed UID that moves leaves the market).</summary>
[Function("transferFrom")]
public sealed class TransferTokenFunction : FunctionMessage
{
    [Parameter("address", "from", 1)]
    public string From { get; set; } = string.Empty;

    [Parameter("address", "to", 2)]
    public string To { get; set; } = string.Empty;

    [Parameter("uint256", "tokenId", 3)]
    public BigInteger TokenId { get; set; }
}
