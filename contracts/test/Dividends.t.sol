// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {IPowerVerseDividends} from "../contracts/interfaces/IPowerVerseDividends.sol";
import {Fixture} from "./utils/Fixture.sol";

contract DividendsTest is Fixture {
    /// @dev A 4-leaf tree of (account, amount) with sorted-pair hashing, as the settler builds it off chain.
    struct Tree {
        bytes32 root;
        bytes32[4] leaves;
        bytes32[2] level1;
    }

    address[4] internal accounts;
    uint256[4] internal amounts;

    function setUp() public override {
        super.setUp();
        accounts = [provider, holder2, trader, buyer];
        amounts = [uint256(400 ether), 300 ether, 200 ether, 100 ether];
    }

    function _hashPair(bytes32 a, bytes32 b) private pure returns (bytes32) {
        return a < b ? keccak256(abi.encodePacked(a, b)) : keccak256(abi.encodePacked(b, a));
    }

    function _tree() private view returns (Tree memory t) {
        for (uint256 i; i < 4; ++i) {
            t.leaves[i] = keccak256(abi.encodePacked(accounts[i], amounts[i]));
        }
        t.level1[0] = _hashPair(t.leaves[0], t.leaves[1]);
        t.level1[1] = _hashPair(t.leaves[2], t.leaves[3]);
        t.root = _hashPair(t.level1[0], t.level1[1]);
    }

    function _proof(Tree memory t, uint256 i) private pure returns (bytes32[] memory p) {
        p = new bytes32[](2);
        p[0] = t.leaves[i ^ 1];
        p[1] = t.level1[(i >> 1) ^ 1];
    }

    function _post(uint256 total) private returns (uint256 epoch, Tree memory t) {
        t = _tree();
        VM.prank(settler);
        epoch = dividends.postEpoch(202_611, t.root, address(pvc), total);
        VM.prank(settler);
        dividends.fundEpoch(epoch);
    }

    function test_postEpoch_thenFund_storesAndFunds() public {
        Tree memory t = _tree();
        VM.expectEmit();
        emit IPowerVerseDividends.EpochPosted(1, 202_611, t.root, address(pvc), 1000 ether);
        VM.prank(settler);
        uint256 epoch = dividends.postEpoch(202_611, t.root, address(pvc), 1000 ether);
        assertEq(pvc.balanceOf(address(dividends)), 0, "posting moves nothing");
        VM.expectEmit();
        emit IPowerVerseDividends.EpochFunded(epoch, 1000 ether, uint40(block.timestamp + CLAIM_PERIOD));
        VM.prank(settler);
        dividends.fundEpoch(epoch);
        assertEq(pvc.balanceOf(address(dividends)), 1000 ether, "funded");
        assertEq(dividends.epochOf(epoch).root, t.root, "root");
        assertEq(dividends.epochOf(epoch).remaining, 1000 ether, "claimable");
        assertEq(dividends.epochOfPeriod(202_611), epoch, "by month");
        assertEq(dividends.count(), 1, "count");
    }

    function test_postEpoch_invalid_reverts() public {
        VM.expectRevert(
            abi.encodeWithSelector(
                IAccessControl.AccessControlUnauthorizedAccount.selector, stranger, dividends.SETTLER_ROLE()
            )
        );
        VM.prank(stranger);
        dividends.postEpoch(202_611, bytes32(uint256(1)), address(pvc), 1);
        VM.expectRevert(IPowerVerseDividends.DividendDistributorZeroRoot.selector);
        VM.prank(settler);
        dividends.postEpoch(202_611, bytes32(0), address(pvc), 1);
        uint256 tooLarge = uint256(type(uint96).max) + 1;
        VM.expectRevert(abi.encodeWithSelector(IPowerVerseDividends.DividendDistributorInvalidTotal.selector, tooLarge));
        VM.prank(settler);
        dividends.postEpoch(202_611, bytes32(uint256(1)), address(pvc), tooLarge);
        VM.expectRevert(abi.encodeWithSelector(IPowerVerseDividends.DividendDistributorInvalidTotal.selector, 0));
        VM.prank(settler);
        dividends.postEpoch(202_611, bytes32(uint256(1)), address(pvc), 0);
        uint32[4] memory bad = [uint32(202_600), 202_613, 199_912, 2026];
        for (uint256 i; i < bad.length; ++i) {
            VM.expectRevert(
                abi.encodeWithSelector(IPowerVerseDividends.DividendDistributorInvalidPeriod.selector, bad[i])
            );
            VM.prank(settler);
            dividends.postEpoch(bad[i], bytes32(uint256(1)), address(pvc), 1);
        }
        VM.expectRevert(abi.encodeWithSelector(IPowerVerseDividends.DividendDistributorUnknownEpoch.selector, 1));
        VM.prank(settler);
        dividends.fundEpoch(1);
    }

    function test_claim_everyAccountOnce() public {
        (uint256 epoch, Tree memory t) = _post(1000 ether);
        for (uint256 i; i < 4; ++i) {
            uint256 before = pvc.balanceOf(accounts[i]);
            VM.expectEmit();
            emit IPowerVerseDividends.DividendClaimed(epoch, accounts[i], amounts[i]);
            VM.prank(stranger);
            dividends.claim(epoch, accounts[i], amounts[i], _proof(t, i));
            assertEq(pvc.balanceOf(accounts[i]), before + amounts[i], "paid to the account");
            assertTrue(dividends.isClaimed(epoch, accounts[i]), "marked");
        }
        assertEq(pvc.balanceOf(address(dividends)), 0, "fully paid");
        assertEq(dividends.epochOf(epoch).remaining, 0, "nothing left");
    }

    function test_claim_twice_reverts() public {
        (uint256 epoch, Tree memory t) = _post(1000 ether);
        dividends.claim(epoch, accounts[1], amounts[1], _proof(t, 1));
        bytes32[] memory p = _proof(t, 1);
        VM.expectRevert(
            abi.encodeWithSelector(IPowerVerseDividends.DividendDistributorAlreadyClaimed.selector, epoch, accounts[1])
        );
        dividends.claim(epoch, accounts[1], amounts[1], p);
    }

    function test_claim_invalid_reverts() public {
        (uint256 epoch, Tree memory t) = _post(1000 ether);
        bytes32[] memory p = _proof(t, 0);
        VM.expectRevert(IPowerVerseDividends.DividendDistributorInvalidProof.selector);
        dividends.claim(epoch, accounts[0], amounts[0] + 1, p);
        VM.expectRevert(IPowerVerseDividends.DividendDistributorInvalidProof.selector);
        dividends.claim(epoch, stranger, amounts[0], p);
        VM.expectRevert(abi.encodeWithSelector(IPowerVerseDividends.DividendDistributorUnknownEpoch.selector, 9));
        dividends.claim(9, accounts[0], amounts[0], p);
    }

    /// @dev A total declared below the tree's sum (a settler's mistake) pays the first claims only; the others are
    /// refused, never paid from another epoch.
    function test_claim_beyondFunding_reverts() public {
        (uint256 epoch, Tree memory t) = _post(500 ether);
        dividends.claim(epoch, accounts[0], amounts[0], _proof(t, 0));
        bytes32[] memory p = _proof(t, 1);
        VM.expectRevert(abi.encodeWithSelector(IPowerVerseDividends.DividendDistributorExceedsFunding.selector, epoch));
        dividends.claim(epoch, accounts[1], amounts[1], p);
    }

    function test_claim_relayed() public {
        (uint256 epoch, Tree memory t) = _post(1000 ether);
        relay(traderKey, address(dividends), abi.encodeCall(dividends.claim, (epoch, trader, 200 ether, _proof(t, 2))));
        assertTrue(dividends.isClaimed(epoch, trader), "claimed through the forwarder");
    }

    /// @dev An account's claims are bits of one word per 256 epochs: its claims of epochs 255, 256 and 257 (either
    /// side of a word boundary) are each paid once and mark that epoch and account only.
    function test_claim_acrossClaimWords_eachEpochOnce() public {
        // _lastEpoch, after AccessControl's one slot: the next epochs are 255, 256 and 257.
        VM.store(address(dividends), bytes32(uint256(1)), bytes32(uint256(254)));
        assertEq(dividends.count(), 254, "the counter's slot");
        Tree memory t = _tree();
        for (uint32 i; i < 3; ++i) {
            VM.prank(settler);
            uint256 posted = dividends.postEpoch(202_601 + i, t.root, address(pvc), 1000 ether);
            assertEq(posted, 255 + i, "epoch id");
            VM.prank(settler);
            dividends.fundEpoch(posted);
        }
        for (uint256 epoch = 255; epoch <= 257; ++epoch) {
            uint256 before = pvc.balanceOf(accounts[0]);
            dividends.claim(epoch, accounts[0], amounts[0], _proof(t, 0));
            assertEq(pvc.balanceOf(accounts[0]), before + amounts[0], "paid");
            for (uint256 other = 255; other <= 257; ++other) {
                assertTrue(dividends.isClaimed(other, accounts[0]) == (other <= epoch), "only the epochs claimed");
            }
            assertFalse(dividends.isClaimed(epoch, accounts[1]), "not another account's");
            if (epoch >= 256) {
                assertFalse(dividends.isClaimed(epoch - 256, accounts[0]), "not the same bit of the word before");
            }
            bytes32[] memory p = _proof(t, 0);
            VM.expectRevert(
                abi.encodeWithSelector(
                    IPowerVerseDividends.DividendDistributorAlreadyClaimed.selector, epoch, accounts[0]
                )
            );
            dividends.claim(epoch, accounts[0], amounts[0], p);
        }
        dividends.claim(256, accounts[1], amounts[1], _proof(t, 1));
        assertTrue(dividends.isClaimed(256, accounts[1]), "the other account's own claim");
        assertFalse(dividends.isClaimed(255, accounts[1]), "and only that one");
    }
}
