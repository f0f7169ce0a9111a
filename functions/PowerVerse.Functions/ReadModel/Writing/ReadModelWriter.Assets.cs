using System.Numerics;
using PowerVerse.Functions.ReadModel.Entities;

namespace PowerVerse.Functions.ReadModel.Writing;

/// <summary>HIDs, VIDs and UIDs (HardwareRegistry, ResourceRegistry, UsageRights, ProviderStaking events).</summary>
internal sealed partial class ReadModelWriter
{
    /// <summary>
    /// Writes the HID's row and keeps the agent index (<see cref="AgentHardwareEntity"/>) in step: the new agent's entry
    /// first, then the old agent's removed, then the HID's row. The HID's row is written last, so a crash in between
    /// leaves it naming the old agent and the replayed event removes that entry again.
    /// </summary>
    public async Task UpsertHardwareAsync(HardwareRecord record, ChainEvent source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var hid = Keys.Id(record.Hid);
        var previous = await FindAsync<HardwareEntity>(tables.Hardware, hid, string.Empty, cancellationToken);
        if (!IsZero(record.Agent))
        {
            await UpsertAsync(tables.Agents, new AgentHardwareEntity
            {
                PartitionKey = Keys.Account(record.Agent), RowKey = hid, Agent = Addresses.Normalize(record.Agent), Hid = hid,
            }, source, cancellationToken);
        }

        if (previous is { Agent.Length: > 0 } && !IsZero(previous.Agent) && Keys.Account(previous.Agent) != Keys.Account(record.Agent))
        {
            await DeleteAsync(tables.Agents, Keys.Account(previous.Agent), hid, cancellationToken);
        }

        await UpsertAsync(tables.Hardware, new HardwareEntity
        {
            PartitionKey = hid, Hid = hid, Owner = Addresses.Normalize(record.Owner),
            Provider = Addresses.Normalize(record.Provider), Agent = Addresses.Normalize(record.Agent), GpuModel = record.GpuModel,
            ComputeType = record.ComputeType, DeviceHash = record.DeviceHash.ToLowerInvariant(), Vcpus = record.Vcpus,
            MemoryMiB = record.MemoryMiB, Stake = Keys.Id(record.Stake), Slashed = Keys.Id(record.Slashed),
        }, source, cancellationToken);
    }

    public async Task RemoveHardwareAsync(BigInteger hid, CancellationToken cancellationToken)
    {
        if (await FindAsync<HardwareEntity>(tables.Hardware, Keys.Id(hid), string.Empty, cancellationToken) is { Agent.Length: > 0 } row && !IsZero(row.Agent))
        {
            await DeleteAsync(tables.Agents, Keys.Account(row.Agent), Keys.Id(hid), cancellationToken);
        }

        await DeleteAsync(tables.Hardware, Keys.Id(hid), string.Empty, cancellationToken);
    }

    private static bool IsZero(string address) => Keys.Account(address) == "0x0000000000000000000000000000000000000000";

    public Task UpsertResourceAsync(ResourceRecord record, ChainEvent source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        return UpsertAsync(tables.Resources, new ResourceEntity
        {
            PartitionKey = Keys.Id(record.Vid), Vid = Keys.Id(record.Vid), Hid = Keys.Id(record.Hid), Owner = Addresses.Normalize(record.Owner),
            GpuModel = record.GpuModel, ComputeType = record.ComputeType, GpuShareBps = record.GpuShareBps, Vcpus = record.Vcpus,
            MemoryMiB = record.MemoryMiB, DiskGiB = record.DiskGiB, BoundUid = record.BoundUid is { } uid ? Keys.Id(uid) : string.Empty,
            BoundUidExpires = record.BoundUidExpires, RevenueShares = Keys.Id(record.RevenueShares), Retired = record.Retired,
        }, source, cancellationToken);
    }

    public Task RemoveResourceAsync(BigInteger vid, CancellationToken cancellationToken) =>
        DeleteAsync(tables.Resources, Keys.Id(vid), string.Empty, cancellationToken);

    public Task UpsertUsageRightAsync(UsageRightRecord record, ChainEvent source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        return UpsertAsync(tables.UsageRights, new UsageRightEntity
        {
            PartitionKey = Keys.Id(record.Uid), Uid = Keys.Id(record.Uid), Vid = Keys.Id(record.Vid), Hid = Keys.Id(record.Hid),
            Owner = Addresses.Normalize(record.Owner), Provider = Addresses.Normalize(record.Provider), DurationSeconds = record.DurationSeconds,
            User = record.User is null ? string.Empty : Addresses.Normalize(record.User), Expires = record.Expires,
            GpuModel = record.GpuModel, ComputeType = record.ComputeType, Retired = record.Retired,
        }, source, cancellationToken);
    }

    public Task RemoveUsageRightAsync(BigInteger uid, CancellationToken cancellationToken) =>
        DeleteAsync(tables.UsageRights, Keys.Id(uid), string.Empty, cancellationToken);

    /// <summary>Sets what an account holds of one asset; a zero amount deletes the holding.</summary>
    public Task SetHoldingAsync(HoldingRecord record, ChainEvent source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (!HoldingKinds.IsKnown(record.Kind))
        {
            throw new ArgumentException($"Unknown holding kind '{record.Kind}'.", nameof(record));
        }

        var account = Keys.Account(record.Account);
        var rowKey = $"{record.Kind}-{Keys.Sortable(record.TokenId)}";
        return record.Amount.IsZero
            ? DeleteAsync(tables.Holdings, account, rowKey, cancellationToken)
            : UpsertAsync(tables.Holdings, new HoldingEntity
            {
                PartitionKey = account, RowKey = rowKey, Account = Addresses.Normalize(record.Account), Kind = record.Kind,
                TokenId = Keys.Id(record.TokenId), Amount = Keys.Id(record.Amount), Expires = record.Expires,
            }, source, cancellationToken);
    }

    /// <summary>Sets an account's balance of a token; a zero balance deletes the row.</summary>
    public Task SetBalanceAsync(BalanceRecord record, ChainEvent source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var (account, token) = (Keys.Account(record.Account), Keys.Account(record.Token));
        return record.Balance.IsZero
            ? DeleteAsync(tables.Balances, account, token, cancellationToken)
            : UpsertAsync(tables.Balances, new BalanceEntity
            {
                PartitionKey = account, RowKey = token, Account = Addresses.Normalize(record.Account), Token = Addresses.Normalize(record.Token),
                Symbol = record.Symbol, Balance = Keys.Id(record.Balance),
            }, source, cancellationToken);
    }

    /// <summary>Sets an account's income from a VID in a token; all zero deletes the row.</summary>
    public Task SetRevenueAsync(RevenueRecord record, ChainEvent source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var (account, rowKey) = (Keys.Account(record.Account), $"{Keys.Sortable(record.Vid)}-{Keys.Account(record.Token)}");
        return record.Shares.IsZero && record.Claimable.IsZero && record.Claimed.IsZero
            ? DeleteAsync(tables.Revenues, account, rowKey, cancellationToken)
            : UpsertAsync(tables.Revenues, new RevenueEntity
            {
                PartitionKey = account, RowKey = rowKey, Account = Addresses.Normalize(record.Account), Vid = Keys.Id(record.Vid),
                Token = Addresses.Normalize(record.Token), Shares = Keys.Id(record.Shares), Claimable = Keys.Id(record.Claimable),
                Claimed = Keys.Id(record.Claimed),
            }, source, cancellationToken);
    }
}
