using System.Numerics;
using Azure.Data.Tables;
using PowerVerse.Functions.ReadModel.Entities;
using PowerVerse.Views;
using PowerVerse.Functions.ReadModel.Writing;

namespace PowerVerse.Functions.ReadModel.Queries;

/// <summary>HIDs, VIDs, UIDs and accounts: point reads by id, one partition per account.</summary>
public sealed class AssetQueries
{
    // An account's holdings are read whole; a provider with more assets than this pages through its own tooling.
    private const int HoldingsLimit = 1000;

    private readonly ReadModelTables _tables;
    private readonly TimeProvider _time;

    internal AssetQueries(ReadModelTables tables, TimeProvider time) => (_tables, _time) = (tables, time);

    public async Task<HardwareView?> HardwareAsync(BigInteger hid, CancellationToken cancellationToken) =>
        await ReadModelTables.FindAsync<HardwareEntity>(_tables.Hardware, Keys.Id(hid), string.Empty, cancellationToken) is { } h
            ? new HardwareView(h.Hid, h.Owner, h.Provider, h.Agent, h.GpuModel, h.ComputeType, h.DeviceHash, h.Vcpus, h.MemoryMiB, h.Stake, h.Slashed, ViewMapping.Source(h))
            : null;

    public async Task<ResourceView?> ResourceAsync(BigInteger vid, CancellationToken cancellationToken) =>
        await ReadModelTables.FindAsync<ResourceEntity>(_tables.Resources, Keys.Id(vid), string.Empty, cancellationToken) is { } r ? Resource(r) : null;

    /// <summary>A UID's public fields and its listing (the access configuration is added for its user by the route).</summary>
    public async Task<UsageRightView?> UsageRightAsync(BigInteger uid, CancellationToken cancellationToken)
    {
        var right = ReadModelTables.FindAsync<UsageRightEntity>(_tables.UsageRights, Keys.Id(uid), string.Empty, cancellationToken);
        var listing = ReadModelTables.FindAsync<ListingEntity>(_tables.Listings, Keys.Id(uid), string.Empty, cancellationToken);
        if (await right is not { } u)
        {
            return null;
        }

        var now = _time.GetUtcNow().ToUnixTimeSeconds();
        return new UsageRightView(u.Uid, u.Vid, u.Hid, u.Owner, u.Provider, u.DurationSeconds, ViewMapping.OrNull(u.User), u.Expires,
            u.User.Length > 0 && now < u.Expires, u.GpuModel, u.ComputeType, u.Retired,
            await listing is { } l ? ViewMapping.Listing(l) : null, ViewMapping.Source(u));
    }

    /// <summary>An account: its holdings, balances and revenues (one partition each), and which of its VIDs are free now.</summary>
    public async Task<AccountView> AccountAsync(string address, CancellationToken cancellationToken)
    {
        var account = Keys.Account(address);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {account}");
        var holdings = TablePager.ReadAllAsync<HoldingEntity>(_tables.Holdings, filter, HoldingsLimit, cancellationToken);
        var balances = TablePager.ReadAllAsync<BalanceEntity>(_tables.Balances, filter, HoldingsLimit, cancellationToken);
        var revenues = TablePager.ReadAllAsync<RevenueEntity>(_tables.Revenues, filter, HoldingsLimit, cancellationToken);
        var held = await holdings;
        var resources = await Task.WhenAll(held.Where(h => h.Kind == HoldingKinds.Resource)
            .Select(h => ReadModelTables.FindAsync<ResourceEntity>(_tables.Resources, h.TokenId, string.Empty, cancellationToken)));
        var free = resources.OfType<ResourceEntity>().Select(Resource).Where(r => r.Free).Select(r => r.Vid).ToList();
        return new AccountView(
            Addresses.Normalize(address),
            held.Select(h => new HoldingView(h.Kind, h.TokenId, h.Amount, h.Expires)).ToList(),
            (await balances).Select(b => new BalanceView(b.Token, b.Symbol, b.Balance)).ToList(),
            (await revenues).Select(r => new RevenueView(r.Vid, r.Token, r.Shares, r.Claimable, r.Claimed)).ToList(),
            free);
    }

    private ResourceView Resource(ResourceEntity r)
    {
        // Expiry is read-time (DESIGN §2): a rented UID stops being live when its rental ends, with no event.
        var now = _time.GetUtcNow().ToUnixTimeSeconds();
        var live = !r.Retired && r.BoundUid.Length > 0 && (r.BoundUidExpires == 0 || now < r.BoundUidExpires) ? r.BoundUid : null;
        return new ResourceView(r.Vid, r.Hid, r.Owner, r.GpuModel, r.ComputeType, r.GpuShareBps, r.Vcpus, r.MemoryMiB, r.DiskGiB,
            live, !r.Retired && live is null, r.BoundUidExpires, r.RevenueShares, r.Retired, ViewMapping.Source(r));
    }
}
