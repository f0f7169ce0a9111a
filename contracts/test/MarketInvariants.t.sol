// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Fixture} from "./utils/Fixture.sol";
import {IPowerVerseAssets} from "../contracts/interfaces/IPowerVerseAssets.sol";
import {MarketHandler} from "./utils/MarketHandler.sol";
import {StakeHandler} from "./utils/StakeHandler.sol";
import {RevenueCheck} from "./utils/RevenueCheck.sol";

/// @notice Invariant tests (the runner calls MarketHandler's and StakeHandler's actions in random sequences, then
/// every invariant_): money is conserved in the market and in RID, a UID's user is its last buyer until expiry, an
/// HID's stake stays at its minimum while any of its resources is rented, and no GPU is allocated beyond 100 %.
contract MarketInvariantsTest is Fixture {
    MarketHandler internal handler;
    StakeHandler internal stakeHandler;
    uint256[2] internal hids;

    function setUp() public override {
        super.setUp();
        uint256[2] memory vids;
        for (uint256 i; i < 2; ++i) {
            hids[i] = registerHardware(keccak256(abi.encode("gpu", i)));
            VM.prank(provider);
            vids[i] = resources.create(hids[i], 5000, 8, 16_384, 200);
            firstListing(createUsage(vids[i]), address(pvc), PRICE);
        }
        handler = new MarketHandler(
            market, usage, revenue, provider, challenger, DISPUTE_WINDOW, [address(pvc), address(usd)], vids,
            [provider, holder2, trader, buyer], [buyer, trader]
        );
        handler.setStaking(staking);
        stakeHandler = new StakeHandler(staking, resources, usage, provider, hids);
        VM.prank(trader);
        usd.approve(address(market), type(uint256).max);
        // The UIDs listed above are bought through the handler like any other.
        VM.prank(provider);
        market.unlist(1);
        VM.prank(provider);
        market.unlist(2);
        VM.prank(provider);
        usage.retire(1);
        VM.prank(provider);
        usage.retire(2);
    }

    /// @dev forge-std StdInvariant's hook, read by the runner: only the handler is called.
    function targetContracts() public view returns (address[] memory targets) {
        targets = new address[](2);
        targets[0] = address(handler);
        targets[1] = address(stakeHandler);
    }

    /// @dev Slashing is the one intended way a rented HID's stake drops; these handlers do not slash.
    function invariant_stakeAtLeastMinimumWhileRented() public view {
        for (uint256 h; h < 2; ++h) {
            uint256[] memory vids = resources.resourcesOf(hids[h]);
            for (uint256 v; v < vids.length; ++v) {
                if (usage.isRented(vids[v])) {
                    assertLe(MIN_STAKE, staking.stakeOf(hids[h]).amount, "stake >= minimum while rented");
                    assertLe(block.timestamp, staking.lockedUntil(hids[h]), "locked while rented");
                }
            }
        }
    }

    function invariant_refusalsHeld() public view {
        assertEq(keccak256(bytes(stakeHandler.violation())), keccak256(""), stakeHandler.violation());
    }

    function invariant_allocatedGpuShareAtMost100Percent() public view {
        for (uint256 h; h < 2; ++h) {
            uint256 hid = hids[h];
            uint256 sum = resources.resource(handler.vids(h)).gpuShareBps;
            for (uint256 i; i < stakeHandler.extraCount(hid); ++i) {
                sum += resources.resource(stakeHandler.extra(hid, i)).gpuShareBps;
            }
            IPowerVerseAssets.Allocation memory a = resources.allocated(hid);
            assertEq(a.gpuShareBps, sum, "allocated = the live resources' shares");
            assertLe(a.gpuShareBps, 10_000, "GPU share <= 100 %");
            assertLe(a.vcpus, HOST_VCPUS, "vCPUs <= the host's");
            assertLe(a.memoryMiB, HOST_MEMORY_MIB, "memory <= the host's");
        }
    }

    function invariant_escrowPlusPaidOutPlusRefundedEqualsPaidIn() public view {
        address[2] memory tokens = [address(pvc), address(usd)];
        for (uint256 t; t < 2; ++t) {
            (uint256 paidIn, uint256 paidOut, uint256 refunded, uint256 escrowed) = market.totals(tokens[t]);
            assertEq(escrowed + paidOut + refunded, paidIn, "escrow + paid out + refunded = paid in");
            uint256 held = t == 0 ? pvc.balanceOf(address(market)) : usd.balanceOf(address(market));
            assertEq(held, escrowed, "the market holds exactly the escrow");
        }
    }

    function invariant_ridClaimsNeverExceedIncome() public view {
        address[] memory who = new address[](4);
        (who[0], who[1], who[2], who[3]) = (provider, holder2, trader, buyer);
        address[2] memory tokens = [address(pvc), address(usd)];
        for (uint256 v; v < 2; ++v) {
            for (uint256 t; t < 2; ++t) {
                RevenueCheck.allClaimsCovered(revenue, handler.vids(v), tokens[t], who);
            }
        }
    }

    function invariant_userIsLastBuyerBeforeExpiry() public view {
        uint256 n = handler.uidCount();
        for (uint256 i; i < n; ++i) {
            uint256 uid = handler.uids(i);
            if (block.timestamp < usage.userExpires(uid)) {
                assertEq(usage.userOf(uid), handler.lastBuyer(uid), "the user is the last buyer");
            }
        }
    }
}
