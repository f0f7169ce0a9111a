using System.Globalization;
using System.Numerics;
using Nethereum.Hex.HexConvertors.Extensions;
using PowerVerse.Chain.Events;
using static PowerVerse.Functions.Indexer.Projections.ContractNames;

namespace PowerVerse.Functions.Indexer.Projections;

/// <summary>
/// Facts from the events that created a token (found with eth_getLogs by the token's indexed id), read once and
/// cached: they hold for burned tokens too, whose views revert. Sums of events (slashed, claimed) have no view at all.
/// </summary>
internal sealed partial class ChainReader
{
    public async Task<HardwareFacts?> HardwareFactsAsync(BigInteger hid, BigInteger block)
    {
        var key = Key("hid", hid);
        if (_facts.TryGetValue(key, out var known))
        {
            return (HardwareFacts)known;
        }

        var created = First(await LogsAsync(HardwareRegistry, "HardwareRegistered(uint256,address,uint32,bytes32,address)", block, Topic.Of(hid)));
        if (created is null || await HardwareAsync(hid, created.BlockNumber) is not { } hw)
        {
            return null;
        }

        return Remember(key, new HardwareFacts(hid, created.Address("provider"), hw.GpuModel, hw.ComputeType, hw.DeviceHash.ToHex(true), hw.Vcpus, hw.MemoryMiB));
    }

    public async Task<ResourceFacts?> ResourceFactsAsync(BigInteger vid, BigInteger block)
    {
        var key = Key("vid", vid);
        if (_facts.TryGetValue(key, out var known))
        {
            return (ResourceFacts)known;
        }

        var created = First(await LogsAsync(ResourceRegistry, "ResourceCreated(uint256,uint256,address)", block, Topic.Of(vid)));
        if (created is null || await ResourceAsync(vid, created.BlockNumber) is not { } spec || await HardwareFactsAsync(spec.Hid, block) is not { } hardware)
        {
            return null;
        }

        return Remember(key, new ResourceFacts(vid, created.Address("provider"), hardware, spec.GpuShareBps, spec.Vcpus, spec.MemoryMiB, spec.DiskGiB));
    }

    public async Task<UsageRightFacts?> UsageRightFactsAsync(BigInteger uid, BigInteger block)
    {
        var key = Key("uid", uid);
        if (_facts.TryGetValue(key, out var known))
        {
            return (UsageRightFacts)known;
        }

        var created = First(await LogsAsync(UsageRights, "UsageRightCreated(uint256,uint256,address,uint64)", block, Topic.Of(uid)));
        if (created is null || await ResourceFactsAsync(created.Number("vid"), block) is not { } resource)
        {
            return null;
        }

        return Remember(key, new UsageRightFacts(uid, created.Address("provider"), (long)created.Number("duration"), resource));
    }

    public async Task<ShareListingFacts?> ShareListingFactsAsync(BigInteger listingId, BigInteger block)
    {
        var key = Key("rid-listing", listingId);
        if (_facts.TryGetValue(key, out var known))
        {
            return (ShareListingFacts)known;
        }

        var listed = First(await LogsAsync(ComputeMarket, "SharesListed(uint256,uint256,address,uint256,address,uint256)", block, Topic.Of(listingId)));
        return listed is null ? null : Remember(key, new ShareListingFacts(
            listingId, listed.Number("vid"), listed.Address("seller"), listed.Address("token"), listed.Number("amount"), listed.Number("unitPrice")));
    }

    /// <summary>Everything slashed from an HID's stake up to the block.</summary>
    public async Task<BigInteger> SlashedAsync(BigInteger hid, BigInteger block) =>
        Sum(await LogsAsync(ProviderStaking, "Slashed(uint256,uint256,uint256)", block, Topic.Of(hid)), "amount");

    /// <summary>Everything an account claimed of a VID's income in a token up to the block.</summary>
    public async Task<BigInteger> ClaimedAsync(BigInteger vid, string token, string account, BigInteger block) =>
        Sum(await LogsAsync(RevenueRights, "IncomeClaimed(uint256,address,address,uint256)", block, Topic.Of(vid), Topic.Of(token), Topic.Of(account)), "amount");

    /// <summary>Who held an ERC-721 token last (for a burned one: the account it was burned from), from its Transfer logs.</summary>
    public async Task<string?> LastOwnerAsync(string contract, BigInteger tokenId, BigInteger block)
    {
        var last = Last(await LogsAsync(contract, "Transfer(address,address,uint256)", block, null, null, Topic.Of(tokenId)));
        return last is null ? null : IsZero(last.Address("to")) ? last.Address("from") : last.Address("to");
    }

    private static DecodedEvent? First(IReadOnlyList<DecodedEvent> logs) => logs.Count > 0 ? logs[0] : null;

    private static DecodedEvent? Last(IReadOnlyList<DecodedEvent> logs) => logs.Count > 0 ? logs[^1] : null;

    private T Remember<T>(string key, T fact)
        where T : class
    {
        _facts[key] = fact;
        return fact;
    }

    private static string Key(string kind, BigInteger id) => kind + ":" + id.ToString(CultureInfo.InvariantCulture);

    private static BigInteger Sum(IEnumerable<DecodedEvent> logs, string argument) =>
        logs.Aggregate(BigInteger.Zero, (total, e) => total + e.Number(argument));
}
