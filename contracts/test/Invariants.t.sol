// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IPowerVerseMarket} from "../contracts/interfaces/IPowerVerseMarket.sol";
import {Fixture} from "./utils/Fixture.sol";
import {RevenueCheck} from "./utils/RevenueCheck.sol";

/// @notice Invariant-style tests: random sequences of market, revenue, staking and dividend actions, with the money,
/// rental, stake and allocation invariants checked after every step.
contract InvariantsTest is Fixture {
    uint256 private constant STEPS = 24;

    uint256[2] internal vids;
    uint256[2] internal hids;
    uint256[] internal uids;
    mapping(uint256 uid => address buyer) internal lastBuyer;
    address[4] internal holders;

    function setUp() public override {
        super.setUp();
        holders = [provider, holder2, trader, buyer];
        for (uint256 i; i < 2; ++i) {
            uint256 hid = registerHardware(keccak256(abi.encode("gpu", i)));
            hids[i] = hid;
            vids[i] = createResource(hid);
            uint256 uid = createUsage(vids[i]);
            firstListing(uid, address(pvc), PRICE);
            uids.push(uid);
        }
        VM.prank(trader);
        usd.approve(address(market), type(uint256).max);
    }

    function _rand(uint256 seed, uint256 step, uint256 salt) private pure returns (uint256) {
        return uint256(keccak256(abi.encode(seed, step, salt)));
    }

    /// @dev Buys the UID listed on a VID, or issues and lists a new one when the VID is free again.
    function _buy(uint256 r) private {
        uint256 vid = vids[r % 2];
        uint256 uid = usage.liveUidOf(vid);
        if (!staking.isStaked(hids[r % 2])) return;
        if (uid == 0) {
            uid = createUsage(vid);
            address token = (r >> 8) % 2 == 0 ? address(pvc) : address(usd);
            VM.prank(provider);
            market.list(uid, token, 1 + ((r >> 16) % 10_000e6));
            uids.push(uid);
        }
        IPowerVerseMarket.Order memory order = market.orderOf(uid);
        if (order.state != IPowerVerseMarket.OrderState.Listed) return;
        address who = (r >> 32) % 2 == 0 ? buyer : trader;
        VM.prank(who);
        market.buy(uid, order.token, order.price);
        lastBuyer[uid] = who;
    }

    function _refund(uint256 r) private {
        uint256 uid = uids[r % uids.length];
        IPowerVerseMarket.Order memory order = market.orderOf(uid);
        if (order.state != IPowerVerseMarket.OrderState.Escrowed) return;
        uint256 duration = order.end - order.start;
        uint64 down = uint64(1 + ((r >> 8) % duration));
        if (order.refunded + (order.price * down) / duration > order.price) return;
        VM.prank(challenger);
        market.refund(uid, down, bytes32(r));
    }

    function _settle(uint256 r) private {
        uint256 uid = uids[r % uids.length];
        IPowerVerseMarket.Order memory order = market.orderOf(uid);
        if (order.state != IPowerVerseMarket.OrderState.Escrowed || block.timestamp < order.end) return;
        // In the dispute window only the challenger settles; after it anyone does.
        if (block.timestamp < order.end + DISPUTE_WINDOW) VM.prank(challenger);
        market.settle(uid);
    }

    function _transferShares(uint256 r) private {
        uint256 vid = vids[r % 2];
        address from = holders[(r >> 8) % 4];
        address to = holders[(r >> 16) % 4];
        uint256 balance = revenue.balanceOf(from, vid);
        if (balance == 0) return;
        uint256 amount = 1 + ((r >> 24) % balance);
        VM.prank(from);
        revenue.safeTransferFrom(from, to, vid, amount, "");
    }

    function _claim(uint256 r) private {
        uint256 vid = vids[r % 2];
        address who = holders[(r >> 8) % 4];
        address token = (r >> 16) % 2 == 0 ? address(pvc) : address(usd);
        if (revenue.claimable(vid, token, who) == 0) return;
        VM.prank(who);
        revenue.claim(vid, token);
    }

    /// @dev The provider unstakes part of an HID's stake when it may, or tops it up.
    function _stakeOrUnstake(uint256 r) private {
        uint256 hid = hids[r % 2];
        if ((r >> 8) % 2 == 0) {
            VM.prank(provider);
            staking.stake(hid, 1 + ((r >> 16) % MIN_STAKE));
            return;
        }
        uint256 staked = staking.stakeOf(hid).amount;
        if (staked == 0 || block.timestamp < staking.lockedUntil(hid)) return;
        VM.prank(provider);
        staking.requestUnstake(hid, 1 + ((r >> 16) % staked));
    }

    function _checkInvariants() private view {
        address[2] memory tokens = [address(pvc), address(usd)];
        for (uint256 t; t < 2; ++t) {
            (uint256 paidIn, uint256 paidOut, uint256 refunded, uint256 escrowed) = market.totals(tokens[t]);
            assertEq(escrowed + paidOut + refunded, paidIn, "escrow + paid out + refunded = paid in");
            uint256 held = t == 0 ? pvc.balanceOf(address(market)) : usd.balanceOf(address(market));
            assertEq(held, escrowed, "the market holds exactly the escrow");
            uint256 unclaimed;
            for (uint256 v; v < 2; ++v) {
                address[] memory who = new address[](4);
                for (uint256 h; h < 4; ++h) who[h] = holders[h];
                RevenueCheck.allClaimsCovered(revenue, vids[v], tokens[t], who);
                unclaimed += revenue.pool(vids[v], tokens[t]).deposited - revenue.pool(vids[v], tokens[t]).claimed;
            }
            uint256 ridHeld = t == 0 ? pvc.balanceOf(address(revenue)) : usd.balanceOf(address(revenue));
            assertEq(ridHeld, unclaimed, "RID holds exactly the unclaimed income");
        }
        for (uint256 i; i < uids.length; ++i) {
            uint256 uid = uids[i];
            if (block.timestamp < usage.userExpires(uid)) {
                assertEq(usage.userOf(uid), lastBuyer[uid], "before expiry the user is the last buyer");
            }
        }
        for (uint256 h; h < 2; ++h) {
            if (usage.isRented(vids[h])) {
                assertLe(MIN_STAKE, staking.stakeOf(hids[h]).amount, "stake >= minimum while rented");
            }
            assertLe(resources.allocated(hids[h]).gpuShareBps, 10_000, "GPU share <= 100 %");
        }
    }

    function testFuzz_randomActions_keepMoneyAndRentalInvariants(uint256 seed) public {
        for (uint256 step; step < STEPS; ++step) {
            uint256 r = _rand(seed, step, 1);
            uint256 op = _rand(seed, step, 0) % 7;
            if (op == 0) _buy(r);
            else if (op == 1) _refund(r);
            else if (op == 2) VM.warp(block.timestamp + (r % (2 * DAY)));
            else if (op == 3) _settle(r);
            else if (op == 4) _transferShares(r);
            else if (op == 5) _claim(r);
            else _stakeOrUnstake(r);
            _checkInvariants();
        }
    }

    // ---------------------------------------------------------------- dividends

    function _hashPair(bytes32 a, bytes32 b) private pure returns (bytes32) {
        return a < b ? keccak256(abi.encodePacked(a, b)) : keccak256(abi.encodePacked(b, a));
    }

    function testFuzz_dividendClaims_noAccountClaimsAnEpochTwice(uint256 seed) public {
        uint256[4] memory amounts;
        bytes32[4] memory leaves;
        uint256 total;
        for (uint256 i; i < 4; ++i) {
            amounts[i] = 1 + (_rand(seed, i, 7) % 1e23);
            total += amounts[i];
            leaves[i] = keccak256(abi.encodePacked(holders[i], amounts[i]));
        }
        bytes32[2] memory level1 = [_hashPair(leaves[0], leaves[1]), _hashPair(leaves[2], leaves[3])];
        VM.prank(settler);
        uint256 epoch = dividends.postEpoch(202_612, _hashPair(level1[0], level1[1]), address(pvc), total);
        VM.prank(settler);
        dividends.fundEpoch(epoch);
        uint256[4] memory paid;
        for (uint256 step; step < 12; ++step) {
            uint256 i = _rand(seed, step, 9) % 4;
            bytes32[] memory p = new bytes32[](2);
            p[0] = leaves[i ^ 1];
            p[1] = level1[(i >> 1) ^ 1];
            uint256 before = pvc.balanceOf(holders[i]);
            try dividends.claim(epoch, holders[i], amounts[i], p) {
                paid[i] += pvc.balanceOf(holders[i]) - before;
            } catch {
                assertTrue(dividends.isClaimed(epoch, holders[i]), "refused only when already claimed");
            }
            assertLe(paid[i], amounts[i], "never paid twice");
        }
        uint256 paidTotal = paid[0] + paid[1] + paid[2] + paid[3];
        assertEq(paidTotal + dividends.epochOf(epoch).remaining, total, "paid + remaining = funded");
    }
}
