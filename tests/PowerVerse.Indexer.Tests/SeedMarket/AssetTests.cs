using System.Globalization;
using System.Numerics;
using Microsoft.Extensions.DependencyInjection;
using Nethereum.Hex.HexConvertors.Extensions;
using PowerVerse.Functions.ReadModel.Queries;

namespace PowerVerse.Indexer.Tests.SeedMarket;

/// <summary>HIDs, VIDs and UIDs as the read model shows them and the registries hold them.</summary>
[Collection(SeedMarketGroup.Name)]
public sealed class AssetTests(SeedMarketFixture f)
{
    private readonly AssetQueries _assets = f.Services.GetRequiredService<AssetQueries>();

    [Fact]
    public async Task Hardware_IsTheRegistrysWithItsStake()
    {
        var hid = f.Scenario.Hid;
        var view = (await _assets.HardwareAsync(hid, CancellationToken.None))!;
        var chain = await f.Chain.HardwareAsync(hid);
        var stake = await f.Chain.StakeAsync(hid);

        Assert.Equal(Lower(await f.Chain.OwnerOfAsync("HardwareRegistry", hid)), Lower(view.Owner));
        Assert.Equal(Lower(f.Accounts.Provider.Address), Lower(view.Provider));
        Assert.Equal(Lower(chain.Agent), Lower(view.Agent));
        Assert.Equal((chain.GpuModel, chain.ComputeType, chain.DeviceHash.ToHex(true), (long)chain.Vcpus, (long)chain.MemoryMiB),
            ((uint)view.GpuModel, (uint)view.ComputeType, view.DeviceHash, view.Vcpus, view.MemoryMiB));
        Assert.Equal(stake.Amount.ToString(CultureInfo.InvariantCulture), view.Stake);
        // Nothing was unstaked: what is missing of the two minimums staked was slashed.
        Assert.Equal((2_000 * BigInteger.Pow(10, 18) - stake.Amount).ToString(CultureInfo.InvariantCulture), view.Slashed);
        Assert.NotEqual("0", view.Slashed);
    }

    [Fact]
    public async Task Resources_AreTheRegistrysWithTheirLiveUidAndRevenueShares()
    {
        foreach (var vid in f.Scenario.Vids)
        {
            var view = (await _assets.ResourceAsync(vid, CancellationToken.None))!;
            var spec = await f.Chain.ResourceAsync(vid);
            var live = await f.Chain.LiveUidAsync(vid);

            Assert.Equal(Lower(await f.Chain.OwnerOfAsync("ResourceRegistry", vid)), Lower(view.Owner));
            Assert.Equal((spec.Hid.ToString(CultureInfo.InvariantCulture), (long)spec.GpuShareBps, (long)spec.Vcpus, (long)spec.MemoryMiB, (long)spec.DiskGiB),
                (view.Hid, view.GpuShareBps, view.Vcpus, view.MemoryMiB, view.DiskGiB));
            Assert.Equal(live.IsZero ? null : live.ToString(CultureInfo.InvariantCulture), view.LiveUid);
            Assert.Equal(live.IsZero, view.Free);
            Assert.Equal((await f.Chain.RevenueSupplyAsync(vid)).ToString(CultureInfo.InvariantCulture), view.RevenueShares);
            Assert.False(view.Retired);
        }
    }

    [Fact]
    public async Task FreeResources_AreTheProvidersVidsWithNoLiveUid()
    {
        var account = await _assets.AccountAsync(f.Accounts.Provider.Address, CancellationToken.None);
        var free = new List<string>();
        foreach (var vid in f.Scenario.Vids)
        {
            if ((await f.Chain.LiveUidAsync(vid)).IsZero)
            {
                free.Add(vid.ToString(CultureInfo.InvariantCulture));
            }
        }

        Assert.Equal([f.Scenario.Vids[2].ToString(CultureInfo.InvariantCulture)], free);
        Assert.Equal(free, account.FreeResources);
    }

    [Fact]
    public async Task UsageRights_HaveTheChainsOwnersUsersAndExpiries()
    {
        var retired = f.Scenario.Uids[2];
        foreach (var uid in f.Scenario.Uids.Where(u => u != retired))
        {
            var view = (await _assets.UsageRightAsync(uid, CancellationToken.None))!;
            var chain = await f.Chain.UsageRightAsync(uid);

            Assert.Equal(Lower(await f.Chain.OwnerOfAsync("UsageRights", uid)), Lower(view.Owner));
            Assert.Equal(chain.Vid.ToString(CultureInfo.InvariantCulture), view.Vid);
            Assert.Equal((long)chain.Duration, view.DurationSeconds);
            Assert.Equal(Lower(chain.User) == Zero ? null : Lower(chain.User), view.User is null ? null : Lower(view.User));
            Assert.Equal((long)chain.Expires, view.Expires);
            Assert.False(view.Retired);
        }

        // The rented UID's rental is over by the chain's clock; the retired one is kept, marked retired.
        Assert.False((await _assets.UsageRightAsync(f.Scenario.Uids[0], CancellationToken.None))!.Active);
        Assert.True((await _assets.UsageRightAsync(retired, CancellationToken.None))!.Retired);
    }

    [Fact]
    public async Task Holdings_AreWhatEachParticipantOwnsOnChain()
    {
        foreach (var party in f.Accounts.Participants)
        {
            var held = (await _assets.AccountAsync(party.Address, CancellationToken.None)).Holdings;
            var expected = new List<string>();
            foreach (var (contract, kind, ids) in new[] { ("HardwareRegistry", "hid", new[] { f.Scenario.Hid }), ("ResourceRegistry", "vid", f.Scenario.Vids.ToArray()), ("UsageRights", "uid", f.Scenario.Uids.Where(u => u != f.Scenario.Uids[2]).ToArray()) })
            {
                foreach (var id in ids)
                {
                    if (Lower(await f.Chain.OwnerOfAsync(contract, id)) == Lower(party.Address))
                    {
                        expected.Add($"{kind}:{id}:1");
                    }
                }
            }

            foreach (var vid in f.Scenario.Vids)
            {
                var shares = await f.Chain.RevenueSharesAsync(party.Address, vid);
                if (!shares.IsZero)
                {
                    expected.Add($"rid:{vid}:{shares}");
                }
            }

            Assert.Equal(expected.Order(StringComparer.Ordinal), held.Where(h => h.Kind != "use").Select(h => $"{h.Kind}:{h.TokenId}:{h.Amount}").Order(StringComparer.Ordinal));
        }

        var use = Assert.Single((await _assets.AccountAsync(f.Accounts.Buyer.Address, CancellationToken.None)).Holdings, h => h.Kind == "use");
        Assert.Equal((f.Scenario.Uids[0].ToString(CultureInfo.InvariantCulture), (long)(await f.Chain.UsageRightAsync(f.Scenario.Uids[0])).Expires), (use.TokenId, use.Expires));
    }

    private const string Zero = "0x0000000000000000000000000000000000000000";

    private static string Lower(string address) => address.ToLowerInvariant();
}
