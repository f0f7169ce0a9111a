using System.Numerics;
using PowerVerse.Chain.Contracts;
using PowerVerse.Client.Writes;
using PowerVerse.Workflows.Tests.Support;

namespace PowerVerse.Workflows.Tests.BadInput;

/// <summary>
/// Rightly signed requests for their route that the contract refuses: the API's <c>eth_call</c> simulation answers
/// 422 call-reverted naming the custom error (the contracts' own, or OpenZeppelin's ERC-20/721 errors they raise).
/// </summary>
internal sealed partial class BadWriteGenerator
{
    private BadWrite SomeoneElsesAsset()
    {
        const string Kind = "someone-elses-asset";
        var notProvider = AnyOf(world.Stranger, world.Investor, world.Approved, world.Unapproved);
        var noShares = AnyOf(world.Stranger, world.Approved, world.Unapproved, world.Poor);
        return Turn("asset", 7) switch
        {
            0 => Revert(Kind, "list someone else's UID", WriteRoutes.Listings, notProvider,
                new ListFunction { Uid = Pick([world.ListedUid, world.WithdrawnUid]), Token = world.Tusd, Price = world.Price }, "ComputeMarketNotOwner"),
            1 => Revert(Kind, "first-list someone else's UID", WriteRoutes.Listings, notProvider,
                new ListWithRevenueRightsFunction { Uid = world.ListedUid, Token = world.Tusd, Price = world.Price, Beneficiaries = [Address(notProvider)], Shares = [1_000] }, "ComputeMarketNotOwner"),
            2 => Revert(Kind, "list someone else's RID shares", WriteRoutes.RevenueListings, noShares,
                new ListSharesFunction { Vid = world.Vid, Amount = random.Next(1, 300), Token = world.Tusd, UnitPrice = MarketSteps.Usd }, "ComputeMarketInsufficientShares"),
            3 => Revert(Kind, "claim someone else's income", WriteRoutes.RevenueClaims, noShares,
                new ClaimIncomeFunction { Vid = world.Vid, Token = world.Tusd }, "RevenueRightsNothingToClaim"),
            4 => Revert(Kind, "usage right on someone else's VID", WriteRoutes.UsageRights, notProvider,
                new CreateUsageRightFunction { Vid = Pick([world.Vid, world.SecondVid]), Duration = (uint)random.Next(60, 86_400) }, "UsageRightsNotResourceOwner"),
            5 => Revert(Kind, "resource on someone else's HID", WriteRoutes.Resources, notProvider,
                new CreateResourceFunction { Hid = world.Hid, GpuShareBps = (ushort)random.Next(1, world.FreeShareBps + 1), Vcpus = 1, MemoryMiB = 1_024, DiskGiB = 10 }, "ResourceRegistryNotHardwareOwner"),
            _ => Revert(Kind, "list a UID the investor does not own", WriteRoutes.Listings, world.Investor,
                new ListFunction { Uid = world.ListedUid, Token = world.Tusd, Price = world.Price + 1 }, "ComputeMarketNotOwner"),
        };
    }

    private BadWrite NotActive() => Turn("inactive", 3) == 0
        ? Revert("listing-not-active", "buy a cancelled share listing", WriteRoutes.RevenuePurchases, AnyOf(world.Approved, world.Stranger),
            new BuySharesFunction { ListingId = world.CancelledShareListing, Amount = random.Next(1, 50), Token = world.Tusd, UnitPrice = MarketSteps.Usd }, "ComputeMarketUnknownShareListing")
        : Revert("listing-not-active", "buy a withdrawn UID", WriteRoutes.Purchases, AnyOf(world.Approved, world.Stranger, world.Investor),
            new BuyFunction { Uid = world.WithdrawnUid, Token = world.Tusd, Price = world.Price }, "ComputeMarketNotListed");

    private BadWrite ChangedPrice()
    {
        var buyer = AnyOf(world.Approved, world.Stranger, world.Unapproved);
        var delta = new BigInteger(random.Next(1, 1_000_000)) * (random.Next(2) == 0 ? 1 : -1);
        var token = random.Next(4) == 0 ? world.Pvc : world.Tusd;
        var changed = token == world.Pvc ? "another token" : "another price";
        return Turn("price", 2) == 0
            ? Revert("changed-price", "UID at " + changed, WriteRoutes.Purchases, buyer,
                new BuyFunction { Uid = world.ListedUid, Token = token, Price = token == world.Pvc ? world.Price : world.Price + delta }, "ComputeMarketPriceChanged")
            : Revert("changed-price", "RID shares at " + changed, WriteRoutes.RevenuePurchases, buyer,
                new BuySharesFunction { ListingId = world.ShareListing, Amount = 1, Token = token, UnitPrice = token == world.Pvc ? world.ShareUnitPrice : BigInteger.Max(1, world.ShareUnitPrice + delta) }, "ComputeMarketPriceChanged");
    }

    private BadWrite UnknownId()
    {
        const string Kind = "unknown-id";
        var id = AnyUnknownId();
        return Turn("unknown", 8) switch
        {
            0 => Revert(Kind, "buy unknown UID", WriteRoutes.Purchases, AnyOf(world.Approved, world.Stranger), new BuyFunction { Uid = id, Token = world.Tusd, Price = world.Price }, "ComputeMarketNotListed"),
            1 => Revert(Kind, "list unknown UID", WriteRoutes.Listings, world.Provider, new ListFunction { Uid = id, Token = world.Tusd, Price = world.Price }, "ERC721NonexistentToken"),
            2 => Revert(Kind, "first-list unknown UID", WriteRoutes.Listings, world.Provider,
                new ListWithRevenueRightsFunction { Uid = id, Token = world.Tusd, Price = world.Price, Beneficiaries = [Address(world.Provider)], Shares = [1_000] }, "ERC721NonexistentToken"),
            3 => Revert(Kind, "usage right on unknown VID", WriteRoutes.UsageRights, world.Provider, new CreateUsageRightFunction { Vid = id, Duration = 3_600 }, "ERC721NonexistentToken"),
            4 => Revert(Kind, "resource on unknown HID", WriteRoutes.Resources, world.Provider,
                new CreateResourceFunction { Hid = id, GpuShareBps = 100, Vcpus = 1, MemoryMiB = 1_024, DiskGiB = 10 }, "ERC721NonexistentToken"),
            5 => Revert(Kind, "claim on unknown VID", WriteRoutes.RevenueClaims, AnyOf(world.Provider, world.Investor), new ClaimIncomeFunction { Vid = id, Token = world.Tusd }, "RevenueRightsNothingToClaim"),
            6 => Revert(Kind, "buy unknown share listing", WriteRoutes.RevenuePurchases, AnyOf(world.Approved, world.Stranger),
                new BuySharesFunction { ListingId = id, Amount = 1, Token = world.Tusd, UnitPrice = world.ShareUnitPrice }, "ComputeMarketUnknownShareListing"),
            _ => Revert(Kind, "list shares of unknown VID", WriteRoutes.RevenueListings, AnyOf(world.Provider, world.Investor),
                new ListSharesFunction { Vid = id, Amount = 1, Token = world.Tusd, UnitPrice = MarketSteps.Usd }, "ComputeMarketInsufficientShares"),
        };
    }

    private BadWrite NoAllowance() => Turn("allowance", 3) switch
    {
        0 => Revert("no-allowance", "buy UID, never approved", WriteRoutes.Purchases, world.Unapproved, new BuyFunction { Uid = world.ListedUid, Token = world.Tusd, Price = world.Price }, "ERC20InsufficientAllowance"),
        1 => Revert("no-allowance", "buy UID, approved 1 unit short", WriteRoutes.Purchases, world.ShortApproved, new BuyFunction { Uid = world.ListedUid, Token = world.Tusd, Price = world.Price }, "ERC20InsufficientAllowance"),
        _ => Revert("no-allowance", "buy RID shares, never approved", WriteRoutes.RevenuePurchases, world.Unapproved,
            new BuySharesFunction { ListingId = world.ShareListing, Amount = random.Next(1, (int)world.ShareRemaining + 1), Token = world.Tusd, UnitPrice = world.ShareUnitPrice }, "ERC20InsufficientAllowance"),
    };

    private BadWrite InsufficientBalance() => Turn("balance", 2) == 0
        ? Revert("insufficient-balance", "buy UID with no tUSD", WriteRoutes.Purchases, world.Poor, new BuyFunction { Uid = world.ListedUid, Token = world.Tusd, Price = world.Price }, "ERC20InsufficientBalance")
        : Revert("insufficient-balance", "buy RID shares with no tUSD", WriteRoutes.RevenuePurchases, world.Poor,
            new BuySharesFunction { ListingId = world.ShareListing, Amount = random.Next(1, (int)world.ShareRemaining + 1), Token = world.Tusd, UnitPrice = world.ShareUnitPrice }, "ERC20InsufficientBalance");

    private BadWrite ContractRule()
    {
        const string Kind = "contract-rule";
        var provider = world.Provider;
        return Turn("rule", 12) switch
        {
            0 => Revert(Kind, "resource over the HID's free share", WriteRoutes.Resources, provider,
                new CreateResourceFunction { Hid = world.Hid, GpuShareBps = (ushort)random.Next(world.FreeShareBps + 1, 10_001), Vcpus = 1, MemoryMiB = 1_024, DiskGiB = 10 }, "ResourceRegistryOverAllocated"),
            1 => Revert(Kind, "resource of no size", WriteRoutes.Resources, provider,
                new CreateResourceFunction { Hid = world.Hid, GpuShareBps = (ushort)Pick([0, 10_001, 100]), Vcpus = 0, MemoryMiB = 1_024, DiskGiB = 10 }, "ResourceRegistryInvalidSpec"),
            2 => Revert(Kind, "second live UID on a VID", WriteRoutes.UsageRights, provider,
                new CreateUsageRightFunction { Vid = Pick([world.Vid, world.SecondVid]), Duration = (uint)random.Next(1, 86_400) }, "UsageRightsResourceBound"),
            3 => Revert(Kind, "usage right of no duration", WriteRoutes.UsageRights, provider, new CreateUsageRightFunction { Vid = world.Vid, Duration = 0 }, "UsageRightsZeroDuration"),
            4 => Revert(Kind, "second first listing", WriteRoutes.Listings, provider,
                new ListWithRevenueRightsFunction { Uid = world.ListedUid, Token = world.Tusd, Price = world.Price, Beneficiaries = [Address(provider)], Shares = [1_000] }, "RevenueRightsAlreadyMinted"),
            5 => Revert(Kind, "list at price 0", WriteRoutes.Listings, provider, new ListFunction { Uid = world.ListedUid, Token = world.Tusd, Price = 0 }, "ComputeMarketZeroPrice"),
            6 => Revert(Kind, "list in a token not accepted", WriteRoutes.Listings, provider,
                new ListFunction { Uid = world.ListedUid, Token = "0x" + Convert.ToHexStringLower(RandomBytes(20)), Price = world.Price }, "ComputeMarketTokenNotAccepted"),
            7 => Revert(Kind, "list more shares than free", WriteRoutes.RevenueListings, world.Investor,
                new ListSharesFunction { Vid = world.Vid, Amount = world.InvestorFreeShares + random.Next(1, 1_000), Token = world.Tusd, UnitPrice = MarketSteps.Usd }, "ComputeMarketInsufficientShares"),
            8 => Revert(Kind, "list 0 shares", WriteRoutes.RevenueListings, world.Investor, new ListSharesFunction { Vid = world.Vid, Amount = 0, Token = world.Tusd, UnitPrice = MarketSteps.Usd }, "ComputeMarketZeroAmount"),
            9 => Revert(Kind, "buy more shares than listed", WriteRoutes.RevenuePurchases, world.Approved,
                new BuySharesFunction { ListingId = world.ShareListing, Amount = world.ShareRemaining + random.Next(1, 1_000), Token = world.Tusd, UnitPrice = world.ShareUnitPrice }, "ComputeMarketInsufficientShares"),
            10 => Revert(Kind, "register a registered device", WriteRoutes.Hardware, provider, Register(world.RegisteredDevice), "HardwareRegistryDeviceRegistered"),
            _ => random.Next(2) == 0
                ? Revert(Kind, "register an unknown GPU model", WriteRoutes.Hardware, provider, WithModel(Register(world.FreshDevice), (uint)random.Next(1_000, 100_000)), "PowerParamsUnknownGpuModel")
                : Revert(Kind, "register no vCPUs", WriteRoutes.Hardware, provider, WithVcpus(Register(world.FreshDevice), 0), "HardwareRegistryZeroCapacity"),
        };
    }

    private static RegisterHardwareFunction WithModel(RegisterHardwareFunction call, uint model)
    {
        call.GpuModel = model;
        return call;
    }

    private static RegisterHardwareFunction WithVcpus(RegisterHardwareFunction call, ushort vcpus)
    {
        call.Vcpus = vcpus;
        return call;
    }
}
