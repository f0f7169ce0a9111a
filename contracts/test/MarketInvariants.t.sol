// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Fixture} from "./utils/Fixture.sol";
import {MarketHandler} from "./utils/MarketHandler.sol";
import {RevenueCheck} from "./utils/RevenueCheck.sol";

/// @notice Invariant tests (the runner calls MarketHandler's actions in random sequences, then every invariant_):
/// money is conserved in the market and in RID, and a UID's user is its last buyer until expiry.
contract MarketInvariantsTest is Fixture {
    MarketHandler internal handler;

    function setUp() public override {
        super.setUp();
        uint256[2] memory vids;
        for (uint256 i; i < 2; ++i) {
            vids[i] = createResource(registerHardware(keccak256(abi.encode("gpu", i))));
            firstListing(createUsage(vids[i]), address(pvc), PRICE);
        }
        handler = new MarketHandler(
            market, usage, revenue, provider, challenger, DISPUTE_WINDOW, [address(pvc), address(usd)], vids,
            [provider, holder2, trader, buyer], [buyer, trader]
        );
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
        targets = new address[](1);
        targets[0] = address(handler);
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
