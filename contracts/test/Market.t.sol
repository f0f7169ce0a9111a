// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {IPowerVerseAssets} from "../contracts/interfaces/IPowerVerseAssets.sol";
import {IPowerVerseMarket} from "../contracts/interfaces/IPowerVerseMarket.sol";
import {Fixture} from "./utils/Fixture.sol";

contract MarketTest is Fixture {
    function _escrowInvariant(address token) private view {
        (uint256 paidIn, uint256 paidOut, uint256 refunded, uint256 escrowed) = market.totals(token);
        assertEq(escrowed + paidOut + refunded, paidIn, "escrow + paid out + refunded = paid in");
        assertEq(escrowed, _balance(token, address(market)), "escrow is held by the market");
    }

    function _balance(address token, address who) private view returns (uint256) {
        return token == address(pvc) ? pvc.balanceOf(who) : usd.balanceOf(who);
    }

    // ---------------------------------------------------------------- listing

    function test_listWithRevenueRights_mintsRidAndLists() public {
        uint256 vid = createResource(registerHardware(keccak256("gpu-0")));
        uint256 uid = createUsage(vid);
        VM.expectEmit();
        emit IPowerVerseMarket.Listed(uid, vid, provider, address(pvc), PRICE);
        firstListing(uid, address(pvc), PRICE);
        assertEq(revenue.totalSupply(vid), GPU_WEIGHT, "supply = revenue weight of the compute type");
        assertEq(revenue.balanceOf(holder2, vid), 400, "beneficiary");
        IPowerVerseMarket.Order memory order = market.orderOf(uid);
        assertEq(order.account, provider, "seller");
        assertEq(order.price, PRICE, "price");
        assertTrue(order.state == IPowerVerseMarket.OrderState.Listed, "listed");
    }

    function test_listWithRevenueRights_secondTime_reverts() public {
        (, uint256 vid, uint256 uid) = listedUsage(keccak256("gpu-0"));
        (address[] memory who, uint256[] memory shares) = beneficiaries();
        VM.expectRevert(abi.encodeWithSelector(IPowerVerseAssets.RevenueRightsAlreadyMinted.selector, vid));
        VM.prank(provider);
        market.listWithRevenueRights(uid, address(pvc), PRICE, who, shares);
    }

    function test_listWithRevenueRights_notOwner_reverts() public {
        uint256 uid = createUsage(createResource(registerHardware(keccak256("gpu-0"))));
        (address[] memory who, uint256[] memory shares) = beneficiaries();
        VM.expectRevert(abi.encodeWithSelector(IPowerVerseMarket.ComputeMarketNotOwner.selector, uid, stranger));
        VM.prank(stranger);
        market.listWithRevenueRights(uid, address(pvc), PRICE, who, shares);
    }

    function test_list_withoutRevenueRights_reverts() public {
        uint256 vid = createResource(registerHardware(keccak256("gpu-0")));
        uint256 uid = createUsage(vid);
        VM.expectRevert(abi.encodeWithSelector(IPowerVerseMarket.ComputeMarketRevenueRightsMissing.selector, vid));
        VM.prank(provider);
        market.list(uid, address(pvc), PRICE);
    }

    function test_list_invalid_reverts() public {
        (,, uint256 uid) = listedUsage(keccak256("gpu-0"));
        VM.expectRevert(abi.encodeWithSelector(IPowerVerseMarket.ComputeMarketNotOwner.selector, uid, stranger));
        VM.prank(stranger);
        market.list(uid, address(pvc), PRICE);
        VM.startPrank(provider);
        VM.expectRevert(IPowerVerseMarket.ComputeMarketZeroPrice.selector);
        market.list(uid, address(pvc), 0);
        VM.expectRevert(abi.encodeWithSelector(IPowerVerseMarket.ComputeMarketTokenNotAccepted.selector, stranger));
        market.list(uid, stranger, PRICE);
        // Relisting changes the terms.
        market.list(uid, address(usd), 50e6);
        VM.stopPrank();
        assertEq(market.orderOf(uid).token, address(usd), "new token");
    }

    function test_list_rented_reverts() public {
        (,, uint256 uid) = rentedUsage(keccak256("gpu-0"));
        VM.expectRevert(abi.encodeWithSelector(IPowerVerseMarket.ComputeMarketAlreadyRented.selector, uid));
        VM.prank(provider);
        market.list(uid, address(pvc), PRICE);
    }

    function test_unlist_removesListing() public {
        (,, uint256 uid) = listedUsage(keccak256("gpu-0"));
        VM.expectRevert(abi.encodeWithSelector(IPowerVerseMarket.ComputeMarketNotOwner.selector, uid, stranger));
        VM.prank(stranger);
        market.unlist(uid);
        VM.expectEmit();
        emit IPowerVerseMarket.Unlisted(uid);
        VM.prank(provider);
        market.unlist(uid);
        VM.expectRevert(abi.encodeWithSelector(IPowerVerseMarket.ComputeMarketNotListed.selector, uid));
        VM.prank(provider);
        market.unlist(uid);
        VM.expectRevert(abi.encodeWithSelector(IPowerVerseMarket.ComputeMarketNotListed.selector, uid));
        VM.prank(buyer);
        market.buy(uid, address(pvc), PRICE);
    }

    // ---------------------------------------------------------------- buy

    function test_buy_escrowsAndSetsUser() public {
        (, uint256 vid, uint256 uid) = listedUsage(keccak256("gpu-0"));
        uint256 before = pvc.balanceOf(buyer);
        VM.expectEmit();
        emit IPowerVerseMarket.Purchased(uid, vid, buyer, address(pvc), PRICE, uint64(block.timestamp) + DAY);
        VM.prank(buyer);
        market.buy(uid, address(pvc), PRICE);
        assertEq(pvc.balanceOf(buyer), before - PRICE, "paid");
        assertEq(usage.userOf(uid), buyer, "user");
        assertEq(usage.ownerOf(uid), provider, "provider keeps the token");
        IPowerVerseMarket.Order memory order = market.orderOf(uid);
        assertTrue(order.state == IPowerVerseMarket.OrderState.Escrowed, "escrowed");
        assertEq(order.feeBps, FEE_BPS, "fee fixed at purchase");
        _escrowInvariant(address(pvc));
    }

    function test_buy_relayed_signerBecomesUser() public {
        (,, uint256 uid) = listedUsage(keccak256("gpu-0"));
        relay(buyerKey, address(market), abi.encodeCall(market.buy, (uid, address(pvc), PRICE)));
        assertEq(usage.userOf(uid), buyer, "the signer, not the relayer");
        assertEq(market.orderOf(uid).account, buyer, "escrow buyer");
    }

    function test_buy_changedTerms_reverts() public {
        (,, uint256 uid) = listedUsage(keccak256("gpu-0"));
        VM.expectRevert(
            abi.encodeWithSelector(IPowerVerseMarket.ComputeMarketPriceChanged.selector, address(pvc), PRICE)
        );
        VM.prank(buyer);
        market.buy(uid, address(pvc), PRICE - 1);
        VM.expectRevert(
            abi.encodeWithSelector(IPowerVerseMarket.ComputeMarketPriceChanged.selector, address(pvc), PRICE)
        );
        VM.prank(buyer);
        market.buy(uid, address(usd), PRICE);
    }

    function test_buy_sellerTransferredUid_reverts() public {
        (,, uint256 uid) = listedUsage(keccak256("gpu-0"));
        VM.prank(provider);
        usage.transferFrom(provider, stranger, uid);
        VM.expectRevert(abi.encodeWithSelector(IPowerVerseAssets.UsageRightsNotListed.selector, uid));
        VM.prank(buyer);
        market.buy(uid, address(pvc), PRICE);
    }

    function test_buy_tokenNoLongerAccepted_reverts() public {
        (,, uint256 uid) = listedUsage(keccak256("gpu-0"));
        params.setAcceptedToken(address(pvc), false, 0);
        VM.expectRevert(abi.encodeWithSelector(IPowerVerseMarket.ComputeMarketTokenNotAccepted.selector, address(pvc)));
        VM.prank(buyer);
        market.buy(uid, address(pvc), PRICE);
    }

    function test_buy_twice_reverts() public {
        (,, uint256 uid) = rentedUsage(keccak256("gpu-0"));
        VM.expectRevert(abi.encodeWithSelector(IPowerVerseMarket.ComputeMarketNotListed.selector, uid));
        VM.prank(trader);
        market.buy(uid, address(pvc), PRICE);
    }

    // ---------------------------------------------------------------- settle

    function test_settle_beforeExpiry_reverts() public {
        (,, uint256 uid) = rentedUsage(keccak256("gpu-0"));
        uint64 end = market.orderOf(uid).end;
        VM.expectRevert(abi.encodeWithSelector(IPowerVerseMarket.ComputeMarketNotExpired.selector, uid, end));
        market.settle(uid);
        VM.expectRevert(abi.encodeWithSelector(IPowerVerseMarket.ComputeMarketNoEscrow.selector, 99));
        market.settle(99);
    }

    function test_settle_paysFeeBurnAndIncome() public {
        (, uint256 vid, uint256 uid) = rentedUsage(keccak256("gpu-0"));
        VM.warp(settleableAt(uid));
        uint256 supplyBefore = pvc.totalSupply();
        uint256 fee = (PRICE * FEE_BPS) / 10_000;
        uint256 burned = (fee * BURN_BPS) / 10_000;
        VM.expectEmit();
        emit IPowerVerseMarket.Settled(uid, vid, address(pvc), fee, burned, PRICE - fee);
        VM.prank(stranger);
        market.settle(uid);
        assertEq(pvc.balanceOf(treasury), fee - burned, "treasury");
        assertEq(pvc.totalSupply(), supplyBefore - burned, "burned");
        VM.warp(block.timestamp + DAY);
        assertEq(revenue.claimable(vid, address(pvc), provider), ((PRICE - fee) * 600) / 1000, "60% to provider");
        assertEq(revenue.claimable(vid, address(pvc), holder2), ((PRICE - fee) * 400) / 1000, "40% to holder2");
        _escrowInvariant(address(pvc));
        VM.expectRevert(abi.encodeWithSelector(IPowerVerseMarket.ComputeMarketAlreadySettled.selector, uid));
        market.settle(uid);
    }

    function test_settle_stablecoin_discountedFee_noBurn() public {
        uint256 vid = createResource(registerHardware(keccak256("gpu-0")));
        uint256 uid = createUsage(vid);
        firstListing(uid, address(usd), 50e6);
        VM.prank(buyer);
        market.buy(uid, address(usd), 50e6);
        VM.warp(settleableAt(uid));
        market.settle(uid);
        VM.warp(block.timestamp + DAY);
        uint256 fee = (50e6 * 400) / 10_000;
        assertEq(usd.balanceOf(treasury), fee, "whole discounted fee to treasury");
        assertEq(revenue.claimable(vid, address(usd), provider), ((50e6 - fee) * 600) / 1000, "income");
        _escrowInvariant(address(usd));
    }

    /// @dev The order is stored packed (its head and terms in one word each): every field read back through orderOf
    /// is the one written, at the widest values each can take — a price of 2^256 - 1, times with their top (40th)
    /// bit set — through listing, relisting, purchase, refund and settlement.
    function test_orderOf_packedFieldsRoundTrip() public {
        uint256 start = (uint256(1) << 39) + 12_345;
        VM.warp(start);
        (, uint256 vid, uint256 uid) = listedUsage(keccak256("gpu-0"));
        VM.prank(provider);
        market.list(uid, address(pvc), type(uint256).max);
        IPowerVerseMarket.Order memory order = market.orderOf(uid);
        assertEq(order.price, type(uint256).max, "the widest price");
        assertEq(order.account, provider, "seller");
        assertTrue(order.state == IPowerVerseMarket.OrderState.Listed, "listed");
        assertEq(order.start, 0, "no start yet");
        assertEq(order.end, 0, "no end yet");
        assertEq(order.feeBps, 0, "no fee terms yet");
        VM.prank(provider);
        market.list(uid, address(usd), 50e6);
        VM.prank(buyer);
        market.buy(uid, address(usd), 50e6);
        order = market.orderOf(uid);
        assertEq(order.account, buyer, "buyer");
        assertTrue(order.state == IPowerVerseMarket.OrderState.Escrowed, "escrowed");
        assertEq(order.token, address(usd), "token");
        assertEq(order.price, 50e6, "price");
        assertEq(order.feeBps, 400, "discounted fee");
        assertEq(order.burnShareBps, BURN_BPS, "burn share");
        assertEq(order.start, start, "start");
        assertEq(order.end, start + DAY, "end");
        VM.prank(challenger);
        market.refund(uid, DAY / 5, bytes32(0));
        VM.warp(start + DAY + DISPUTE_WINDOW);
        VM.expectEmit();
        emit IPowerVerseMarket.Settled(uid, vid, address(usd), (40e6 * 400) / 10_000, 0, 40e6 - (40e6 * 400) / 10_000);
        market.settle(uid);
        order = market.orderOf(uid);
        assertTrue(order.state == IPowerVerseMarket.OrderState.Settled, "settled");
        assertEq(order.account, buyer, "buyer kept");
        assertEq(order.price, 50e6, "price kept");
        assertEq(order.refunded, 10e6, "refunded");
        assertEq(order.start, start, "start kept");
        assertEq(order.end, start + DAY, "end kept");
        assertEq(order.feeBps, 400, "fee kept");
        assertEq(order.burnShareBps, BURN_BPS, "burn share kept");
        _escrowInvariant(address(usd));
    }

    /// @dev The order keeps a UID's VID in 64 bits; a VID beyond them (unreachable by ResourceRegistry's counter, set
    /// here directly) is kept as 0 and settlement reads it from UsageRights: income still reaches that VID's holders.
    function test_settle_vidBeyond64Bits_creditsThatVid() public {
        // ResourceRegistry's _lastId: after ERC-721's six slots and the UsageRights binding.
        uint256 beyond = uint256(type(uint64).max) + 6;
        VM.store(address(resources), bytes32(uint256(7)), bytes32(beyond - 1));
        assertEq(resources.count(), beyond - 1, "the counter's slot");
        (, uint256 vid, uint256 uid) = rentedUsage(keccak256("gpu-0"));
        assertEq(vid, beyond, "a VID beyond 64 bits");
        VM.warp(settleableAt(uid));
        uint256 fee = (PRICE * FEE_BPS) / 10_000;
        VM.expectEmit();
        emit IPowerVerseMarket.Settled(uid, vid, address(pvc), fee, (fee * BURN_BPS) / 10_000, PRICE - fee);
        market.settle(uid);
        assertEq(revenue.pool(vid, address(pvc)).deposited, PRICE - fee, "income of that VID");
        assertEq(revenue.pool(uint64(vid), address(pvc)).deposited, 0, "not of the truncated id");
        _escrowInvariant(address(pvc));
    }

    // ---------------------------------------------------------------- refund

    function test_refund_proRata() public {
        (,, uint256 uid) = rentedUsage(keccak256("gpu-0"));
        uint256 before = pvc.balanceOf(buyer);
        VM.expectEmit();
        emit IPowerVerseMarket.Refunded(uid, buyer, PRICE / 4, DAY / 4, keccak256("proof 7 missed"));
        VM.prank(challenger);
        market.refund(uid, DAY / 4, keccak256("proof 7 missed"));
        assertEq(pvc.balanceOf(buyer), before + PRICE / 4, "refund");
        _escrowInvariant(address(pvc));
        VM.warp(settleableAt(uid));
        market.settle(uid);
        (,, uint256 refunded,) = market.totals(address(pvc));
        assertEq(refunded, PRICE / 4, "refunded total");
        _escrowInvariant(address(pvc));
        VM.expectRevert(abi.encodeWithSelector(IPowerVerseMarket.ComputeMarketAlreadySettled.selector, uid));
        VM.prank(challenger);
        market.refund(uid, 1, bytes32(0));
    }

    function test_refund_invalid_reverts() public {
        (,, uint256 uid) = rentedUsage(keccak256("gpu-0"));
        VM.expectRevert(
            abi.encodeWithSelector(
                IAccessControl.AccessControlUnauthorizedAccount.selector, stranger, market.CHALLENGER_ROLE()
            )
        );
        VM.prank(stranger);
        market.refund(uid, 10, bytes32(0));
        VM.startPrank(challenger);
        VM.expectRevert(abi.encodeWithSelector(IPowerVerseMarket.ComputeMarketInvalidDowntime.selector, 0));
        market.refund(uid, 0, bytes32(0));
        VM.expectRevert(abi.encodeWithSelector(IPowerVerseMarket.ComputeMarketInvalidDowntime.selector, DAY + 1));
        market.refund(uid, DAY + 1, bytes32(0));
        market.refund(uid, DAY, bytes32(0));
        VM.expectRevert(abi.encodeWithSelector(IPowerVerseMarket.ComputeMarketInvalidDowntime.selector, 1));
        market.refund(uid, 1, bytes32(0));
        VM.expectRevert(abi.encodeWithSelector(IPowerVerseMarket.ComputeMarketNoEscrow.selector, 99));
        market.refund(99, 1, bytes32(0));
        VM.stopPrank();
    }

    function test_settle_fullyRefunded_paysNothing() public {
        (,, uint256 uid) = rentedUsage(keccak256("gpu-0"));
        VM.prank(challenger);
        market.refund(uid, DAY, bytes32(0));
        VM.warp(settleableAt(uid));
        market.settle(uid);
        assertEq(pvc.balanceOf(treasury), 0, "no fee");
        _escrowInvariant(address(pvc));
    }

    // ---------------------------------------------------------------- RID share trades

    function test_shares_listPartialFillsAndCancel() public {
        (, uint256 vid,) = listedUsage(keccak256("gpu-0"));
        VM.expectEmit();
        emit IPowerVerseMarket.SharesListed(1, vid, holder2, 300, address(pvc), 1 ether);
        VM.prank(holder2);
        uint256 id = market.listShares(vid, 300, address(pvc), 1 ether);
        VM.prank(trader);
        market.buyShares(id, 100, address(pvc), 1 ether);
        assertEq(revenue.balanceOf(trader, vid), 100, "partial fill");
        assertEq(pvc.balanceOf(holder2), 100 ether, "seller paid");
        assertEq(market.shareListing(id).remaining, 200, "remaining");
        VM.expectRevert(abi.encodeWithSelector(IPowerVerseMarket.ComputeMarketInsufficientShares.selector, 200, 201));
        VM.prank(trader);
        market.buyShares(id, 201, address(pvc), 1 ether);
        VM.prank(trader);
        market.buyShares(id, 200, address(pvc), 1 ether);
        assertEq(market.shareListing(id).seller, address(0), "filled");
        VM.expectRevert(abi.encodeWithSelector(IPowerVerseMarket.ComputeMarketUnknownShareListing.selector, id));
        VM.prank(trader);
        market.buyShares(id, 1, address(pvc), 1 ether);
    }

    function test_shares_invalid_reverts() public {
        (, uint256 vid,) = listedUsage(keccak256("gpu-0"));
        VM.startPrank(holder2);
        VM.expectRevert(IPowerVerseMarket.ComputeMarketZeroAmount.selector);
        market.listShares(vid, 0, address(pvc), 1);
        VM.expectRevert(IPowerVerseMarket.ComputeMarketZeroPrice.selector);
        market.listShares(vid, 1, address(pvc), 0);
        VM.expectRevert(abi.encodeWithSelector(IPowerVerseMarket.ComputeMarketTokenNotAccepted.selector, stranger));
        market.listShares(vid, 1, stranger, 1);
        VM.expectRevert(abi.encodeWithSelector(IPowerVerseMarket.ComputeMarketInsufficientShares.selector, 400, 401));
        market.listShares(vid, 401, address(pvc), 1);
        uint256 id = market.listShares(vid, 10, address(pvc), 1 ether);
        VM.stopPrank();
        VM.startPrank(trader);
        VM.expectRevert(
            abi.encodeWithSelector(IPowerVerseMarket.ComputeMarketPriceChanged.selector, address(pvc), 1 ether)
        );
        market.buyShares(id, 1, address(pvc), 0.5 ether);
        VM.expectRevert(IPowerVerseMarket.ComputeMarketZeroAmount.selector);
        market.buyShares(id, 0, address(pvc), 1 ether);
        VM.expectRevert(abi.encodeWithSelector(IPowerVerseMarket.ComputeMarketNotShareSeller.selector, id, trader));
        market.cancelShareListing(id);
        VM.stopPrank();
        VM.expectEmit();
        emit IPowerVerseMarket.ShareListingCancelled(id);
        VM.prank(holder2);
        market.cancelShareListing(id);
        VM.expectRevert(abi.encodeWithSelector(IPowerVerseMarket.ComputeMarketUnknownShareListing.selector, id));
        VM.prank(holder2);
        market.cancelShareListing(id);
    }

    // ---------------------------------------------------------------- fuzz

    /// @dev Any price, refund and token: money is conserved and nothing is left behind after settlement.
    function testFuzz_buyRefundSettle_conservesMoney(uint96 price, uint64 downtime, bool useUsd) public {
        uint256 amount = bound(price, 1, 1_000_000e6);
        address token = useUsd ? address(usd) : address(pvc);
        uint256 vid = createResource(registerHardware(keccak256("gpu-0")));
        uint256 uid = createUsage(vid);
        firstListing(uid, token, amount);
        uint256 buyerBefore = _balance(token, buyer);
        VM.prank(buyer);
        market.buy(uid, token, amount);
        uint64 down = uint64(bound(downtime, 0, DAY));
        if (down != 0) {
            VM.prank(challenger);
            market.refund(uid, down, bytes32(0));
        }
        _escrowInvariant(token);
        VM.warp(settleableAt(uid));
        market.settle(uid);
        _escrowInvariant(token);
        uint256 paid = buyerBefore - _balance(token, buyer);
        uint256 burned = token == address(pvc) ? 1_400_000_000 ether - pvc.totalSupply() : 0;
        uint256 income = _balance(token, address(revenue));
        assertEq(_balance(token, treasury) + burned + income, paid, "fee + burn + income = paid - refund");
        assertEq(revenue.claimable(vid, token, provider), 0, "released over the rental's duration, from settlement");
        VM.warp(block.timestamp + DAY);
        uint256 claims = revenue.claimable(vid, token, provider) + revenue.claimable(vid, token, holder2);
        assertLe(claims, income, "claims never exceed income");
        assertLe(income - claims, 2, "at most 1 wei of dust per holder");
    }
}
