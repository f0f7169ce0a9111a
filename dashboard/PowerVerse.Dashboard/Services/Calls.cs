using System.Numerics;
using Nethereum.ABI.FunctionEncoding;
using Nethereum.ABI.Model;

namespace PowerVerse.Dashboard.Services;

/// <summary>
/// The calldata of each write a user signs (DESIGN §4), ABI-encoded with Nethereum.ABI: the same functions as the chain
/// layer's messages (tests compare the two byte for byte), as function signatures, since the dashboard ships without
/// the chain layer.
/// </summary>
public static class Calls
{
    public static string RegisterHardware(uint gpuModel, byte[] deviceHash, string agent, ushort vcpus, uint memoryMiB, byte[] attestation) =>
        Encode("register", ("uint32", gpuModel), ("bytes32", deviceHash), ("address", agent), ("uint16", vcpus), ("uint32", memoryMiB), ("bytes", attestation));

    public static string CreateResource(BigInteger hid, ushort gpuShareBps, ushort vcpus, uint memoryMiB, uint diskGiB) =>
        Encode("create", ("uint256", hid), ("uint16", gpuShareBps), ("uint16", vcpus), ("uint32", memoryMiB), ("uint32", diskGiB));

    public static string CreateUsageRight(BigInteger vid, uint durationSeconds) =>
        Encode("create", ("uint256", vid), ("uint32", durationSeconds));

    public static string List(BigInteger uid, string token, BigInteger price) =>
        Encode("list", ("uint256", uid), ("address", token), ("uint256", price));

    public static string ListWithRevenueRights(BigInteger uid, string token, BigInteger price, IReadOnlyList<(string Account, BigInteger Shares)> beneficiaries)
    {
        ArgumentNullException.ThrowIfNull(beneficiaries);
        return Encode("listWithRevenueRights", ("uint256", uid), ("address", token), ("uint256", price),
            ("address[]", beneficiaries.Select(b => b.Account).ToList()), ("uint256[]", beneficiaries.Select(b => b.Shares).ToList()));
    }

    public static string Buy(BigInteger uid, string token, BigInteger price) =>
        Encode("buy", ("uint256", uid), ("address", token), ("uint256", price));

    public static string ClaimIncome(BigInteger vid, string token) => Encode("claim", ("uint256", vid), ("address", token));

    public static string ListShares(BigInteger vid, BigInteger amount, string token, BigInteger unitPrice) =>
        Encode("listShares", ("uint256", vid), ("uint256", amount), ("address", token), ("uint256", unitPrice));

    public static string BuyShares(BigInteger listingId, BigInteger amount, string token, BigInteger unitPrice) =>
        Encode("buyShares", ("uint256", listingId), ("uint256", amount), ("address", token), ("uint256", unitPrice));

    /// <summary><c>DividendDistributor.claim</c> with the amount and Merkle proof (0x 32-byte hashes) <c>GET /api/dividends/{epoch}/{address}</c> serves.</summary>
    public static string ClaimDividend(BigInteger epoch, string account, BigInteger amount, IEnumerable<string> proof) =>
        Encode("claim", ("uint256", epoch), ("address", account), ("uint256", amount),
            ("bytes32[]", proof.Select(Hex.ToBytes).ToList()));

    public static string RequestChallenge(BigInteger vid) => Encode("requestChallenge", ("uint256", vid));

    /// <summary>ERC-20 <c>approve</c>: sent from the wallet itself (it has no route).</summary>
    public static string Approve(string spender, BigInteger value) => Encode("approve", ("address", spender), ("uint256", value));

    /// <summary><c>ProviderStaking.stake</c>: sent from the wallet itself (it has no route).</summary>
    public static string Stake(BigInteger hid, BigInteger amount) => Encode("stake", ("uint256", hid), ("uint256", amount));

    /// <summary><c>PowerParams.minStake(computeType)</c>: what staking an HID of that type takes.</summary>
    public static string MinStake(uint computeType) => Encode("minStake", ("uint32", computeType));

    /// <summary><c>ProviderStaking.isStaked(hid)</c>.</summary>
    public static string IsStaked(BigInteger hid) => Encode("isStaked", ("uint256", hid));

    /// <summary>ERC2771Forwarder <c>nonces(owner)</c>.</summary>
    public static string Nonces(string owner) => Encode("nonces", ("address", owner));

    /// <summary>EIP-5267 <c>eip712Domain()</c>.</summary>
    public static string Eip712Domain() => Encode("eip712Domain");

    /// <summary>ERC-20 <c>allowance(owner, spender)</c>.</summary>
    public static string Allowance(string owner, string spender) => Encode("allowance", ("address", owner), ("address", spender));

    /// <summary><c>RevenueRights.claimable(vid, token, account)</c>: the income released to the account so far.</summary>
    public static string Claimable(BigInteger vid, string token, string account) =>
        Encode("claimable", ("uint256", vid), ("address", token), ("address", account));

    /// <summary>ERC-20 <c>balanceOf(account)</c>.</summary>
    public static string BalanceOf(string account) => Encode("balanceOf", ("address", account));

    /// <summary>Decodes an <c>eth_call</c> answer of the given output types.</summary>
    public static IReadOnlyList<object> Decode(string returned, params string[] types)
    {
        var outputs = types.Select((type, i) => new Parameter(type, i + 1)).ToArray();
        return [.. new FunctionCallDecoder().DecodeDefaultData(returned, outputs).Select(o => o.Result)];
    }

    private static string Encode(string name, params (string Type, object Value)[] arguments)
    {
        var parameters = arguments.Select((a, i) => new Parameter(a.Type, i + 1)).ToArray();
        var function = new FunctionABI(name, false) { InputParameters = parameters };
        return new FunctionCallEncoder().EncodeRequest(function.Sha3Signature, parameters, [.. arguments.Select(a => a.Value)]);
    }
}
