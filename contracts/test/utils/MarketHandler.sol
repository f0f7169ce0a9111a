// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {RevenueRights} from "../../contracts/assets/RevenueRights.sol";
import {UsageRights} from "../../contracts/assets/UsageRights.sol";
import {IPowerVerseMarket} from "../../contracts/interfaces/IPowerVerseMarket.sol";
import {ComputeMarket} from "../../contracts/market/ComputeMarket.sol";
import {ProviderStaking} from "../../contracts/staking/ProviderStaking.sol";
import {Vm} from "./Vm.sol";

/// @title The actions the invariant runner calls in random order with random inputs: buy, refund, time passing,
/// settle, RID transfers and claims. Inputs are bounded so that most calls do something; a VID whose HID's stake
/// is below the minimum is not listed (the market would refuse it).
contract MarketHandler {
    Vm private constant _VM = Vm(address(uint160(uint256(keccak256("hevm cheat code")))));

    ComputeMarket public immutable market;
    UsageRights public immutable usage;
    RevenueRights public immutable revenue;
    address public immutable provider;
    address public immutable challenger;
    uint256 public immutable disputeWindow;
    ProviderStaking public staking;
    address[2] public tokens;
    uint256[2] public vids;
    address[4] public holders;
    address[2] public buyers;

    uint256[] public uids;
    mapping(uint256 uid => address buyer) public lastBuyer;

    constructor(
        ComputeMarket market_,
        UsageRights usage_,
        RevenueRights revenue_,
        address provider_,
        address challenger_,
        uint256 disputeWindow_,
        address[2] memory tokens_,
        uint256[2] memory vids_,
        address[4] memory holders_,
        address[2] memory buyers_
    ) {
        market = market_;
        usage = usage_;
        revenue = revenue_;
        provider = provider_;
        challenger = challenger_;
        disputeWindow = disputeWindow_;
        tokens = tokens_;
        vids = vids_;
        holders = holders_;
        buyers = buyers_;
    }

    /// @dev Set once by the test, after construction (the constructor's parameter list is long enough).
    function setStaking(ProviderStaking staking_) external {
        if (address(staking) == address(0)) staking = staking_;
    }

    function uidCount() external view returns (uint256) {
        return uids.length;
    }

    function buy(uint256 vidSeed, uint256 buyerSeed, uint256 priceSeed, uint256 tokenSeed) external {
        uint256 vid = vids[vidSeed % 2];
        uint256 uid = usage.liveUidOf(vid);
        if (uid == 0) {
            if (!staking.isStaked(usage.resourceRegistry().hidOf(vid))) return;
            _VM.prank(provider);
            uid = usage.create(vid, uint32(1 hours + (priceSeed % 2 days)));
            _VM.prank(provider);
            market.list(uid, tokens[tokenSeed % 2], 1 + (priceSeed % 10_000e6));
            uids.push(uid);
        }
        IPowerVerseMarket.Order memory order = market.orderOf(uid);
        if (order.state != IPowerVerseMarket.OrderState.Listed) return;
        if (!staking.isStaked(usage.hidOf(uid))) return;
        address who = buyers[buyerSeed % 2];
        _VM.prank(who);
        market.buy(uid, order.token, order.price);
        lastBuyer[uid] = who;
    }

    function refund(uint256 uidSeed, uint256 downSeed) external {
        if (uids.length == 0) return;
        uint256 uid = uids[uidSeed % uids.length];
        IPowerVerseMarket.Order memory order = market.orderOf(uid);
        if (order.state != IPowerVerseMarket.OrderState.Escrowed) return;
        uint256 duration = order.end - order.start;
        uint64 down = uint64(1 + (downSeed % duration));
        if (order.refunded + (order.price * down) / duration > order.price) return;
        _VM.prank(challenger);
        market.refund(uid, down, bytes32(downSeed));
    }

    function passTime(uint256 secondsSeed) external {
        _VM.warp(block.timestamp + (secondsSeed % 2 days));
    }

    function settle(uint256 uidSeed) external {
        if (uids.length == 0) return;
        uint256 uid = uids[uidSeed % uids.length];
        IPowerVerseMarket.Order memory order = market.orderOf(uid);
        if (order.state != IPowerVerseMarket.OrderState.Escrowed || block.timestamp < order.end) return;
        // In the dispute window only the challenger settles; after it anyone does.
        if (block.timestamp < order.end + disputeWindow) _VM.prank(challenger);
        market.settle(uid);
    }

    function transferShares(uint256 vidSeed, uint256 fromSeed, uint256 toSeed, uint256 amountSeed) external {
        uint256 vid = vids[vidSeed % 2];
        address from = holders[fromSeed % 4];
        uint256 balance = revenue.balanceOf(from, vid);
        if (balance == 0) return;
        _VM.prank(from);
        revenue.safeTransferFrom(from, holders[toSeed % 4], vid, 1 + (amountSeed % balance), "");
    }

    function claim(uint256 vidSeed, uint256 holderSeed, uint256 tokenSeed) external {
        uint256 vid = vids[vidSeed % 2];
        address who = holders[holderSeed % 4];
        address token = tokens[tokenSeed % 2];
        if (revenue.claimable(vid, token, who) == 0) return;
        _VM.prank(who);
        revenue.claim(vid, token);
    }
}
