// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {IPowerVerseStaking} from "../contracts/interfaces/IPowerVerseStaking.sol";
import {Fixture} from "./utils/Fixture.sol";

contract StakingTest is Fixture {
    uint256 internal hid;

    function setUp() public override {
        super.setUp();
        hid = registerBareHardware(keccak256("gpu-0"));
    }

    function _stake(uint256 amount) private {
        VM.prank(provider);
        staking.stake(hid, amount);
    }

    function test_stake_reachesMinimum() public {
        _stake(MIN_STAKE - 1);
        assertFalse(staking.isStaked(hid), "below minimum");
        VM.expectEmit();
        emit IPowerVerseStaking.Staked(hid, provider, 1);
        _stake(1);
        assertTrue(staking.isStaked(hid), "at minimum");
        assertEq(pvc.balanceOf(address(staking)), MIN_STAKE, "held");
    }

    function test_stake_invalid_reverts() public {
        VM.expectRevert(IPowerVerseStaking.ProviderStakingZeroAmount.selector);
        _stake(0);
        VM.expectRevert(abi.encodeWithSelector(IPowerVerseStaking.ProviderStakingNotHardwareOwner.selector, hid, buyer));
        VM.prank(buyer);
        staking.stake(hid, 1);
        _stake(1);
        VM.prank(provider);
        hardware.transferFrom(provider, buyer, hid);
        VM.expectRevert(
            abi.encodeWithSelector(IPowerVerseStaking.ProviderStakingNotHardwareOwner.selector, hid, provider)
        );
        _stake(1);
        VM.prank(buyer);
        pvc.approve(address(staking), 1);
        VM.prank(buyer);
        staking.stake(hid, 1);
        assertEq(staking.stakeOf(hid).amount, 2, "the stake belongs to the HID");
    }

    function test_unstake_unbondThenWithdraw() public {
        _stake(MIN_STAKE);
        uint64 end = uint64(block.timestamp) + 7 days;
        VM.expectEmit();
        emit IPowerVerseStaking.UnstakeRequested(hid, provider, 400 ether, end);
        VM.prank(provider);
        staking.requestUnstake(hid, 400 ether);
        VM.expectRevert(abi.encodeWithSelector(IPowerVerseStaking.ProviderStakingStillUnbonding.selector, end));
        VM.prank(provider);
        staking.withdraw(hid);
        VM.warp(end);
        uint256 before = pvc.balanceOf(provider);
        VM.prank(provider);
        staking.withdraw(hid);
        assertEq(pvc.balanceOf(provider), before + 400 ether, "withdrawn");
        assertEq(staking.stakeOf(hid).amount, 600 ether, "rest staked");
        VM.expectRevert(abi.encodeWithSelector(IPowerVerseStaking.ProviderStakingNothingToWithdraw.selector, hid));
        VM.prank(provider);
        staking.withdraw(hid);
    }

    function test_unstake_invalid_reverts() public {
        _stake(MIN_STAKE);
        VM.expectRevert(
            abi.encodeWithSelector(IPowerVerseStaking.ProviderStakingNotHardwareOwner.selector, hid, stranger)
        );
        VM.prank(stranger);
        staking.requestUnstake(hid, 1);
        VM.expectRevert(
            abi.encodeWithSelector(IPowerVerseStaking.ProviderStakingNotHardwareOwner.selector, hid, stranger)
        );
        VM.prank(stranger);
        staking.withdraw(hid);
        VM.startPrank(provider);
        VM.expectRevert(IPowerVerseStaking.ProviderStakingZeroAmount.selector);
        staking.requestUnstake(hid, 0);
        VM.expectRevert(
            abi.encodeWithSelector(IPowerVerseStaking.ProviderStakingInsufficientStake.selector, MIN_STAKE, MIN_STAKE + 1)
        );
        staking.requestUnstake(hid, MIN_STAKE + 1);
        VM.stopPrank();
    }

    function test_unstake_whileRented_reverts() public {
        _stake(MIN_STAKE);
        uint256 vid = createResource(hid);
        uint256 uid = createUsage(vid);
        firstListing(uid, address(pvc), PRICE);
        VM.prank(buyer);
        market.buy(uid, address(pvc), PRICE);
        VM.expectRevert(
            abi.encodeWithSelector(IPowerVerseStaking.ProviderStakingLocked.selector, hid, settleableAt(uid))
        );
        VM.prank(provider);
        staking.requestUnstake(hid, 1);
        VM.warp(settleableAt(uid));
        VM.prank(provider);
        staking.requestUnstake(hid, 1);
        assertEq(staking.stakeOf(hid).unbonding, 1, "allowed after the rental and its dispute window");
    }

    function test_slash_stakeThenUnbonding_toTreasury() public {
        _stake(MIN_STAKE);
        VM.prank(provider);
        staking.requestUnstake(hid, MIN_STAKE - 50 ether);
        uint256 id = missedChallenge(createResource(hid));
        uint256 expected = (MIN_STAKE * SLASH_BPS) / 10_000;
        VM.expectEmit();
        emit IPowerVerseStaking.Slashed(hid, expected, id);
        VM.prank(challenger);
        staking.slash(hid, id);
        assertTrue(staking.isSlashed(id), "recorded");
        assertEq(pvc.balanceOf(treasury), expected, "treasury");
        IPowerVerseStaking.Stake memory s = staking.stakeOf(hid);
        assertEq(s.amount, 0, "stake first");
        assertEq(s.unbonding, MIN_STAKE - 50 ether - (expected - 50 ether), "then unbonding");
        assertEq(pvc.balanceOf(address(staking)), s.amount + s.unbonding, "held = accounted");
    }

    function test_slash_invalid_reverts() public {
        uint256 id = missedChallenge(createResource(hid));
        VM.expectRevert(
            abi.encodeWithSelector(
                IAccessControl.AccessControlUnauthorizedAccount.selector, stranger, staking.CHALLENGER_ROLE()
            )
        );
        VM.prank(stranger);
        staking.slash(hid, id);
        VM.expectRevert(abi.encodeWithSelector(IPowerVerseStaking.ProviderStakingNothingToSlash.selector, hid));
        VM.prank(challenger);
        staking.slash(hid, id);
        VM.expectRevert(abi.encodeWithSelector(IPowerVerseStaking.ProviderStakingNotSlashable.selector, hid, 99));
        VM.prank(challenger);
        staking.slash(hid, 99);
    }

    function test_stake_relayed() public {
        relay(providerKey, address(staking), abi.encodeCall(staking.stake, (hid, MIN_STAKE)));
        assertEq(staking.stakeOf(hid).amount, MIN_STAKE, "staked by the signer");
    }

    function testFuzz_slash_neverCreatesOrLosesPvc(uint96 amount, uint96 unbond, uint16 rate) public {
        uint256 staked = bound(amount, 1, 1_000_000 ether);
        uint256 unbonding = bound(unbond, 0, staked);
        params.setSlashRate(uint16(bound(rate, 1, 10_000)));
        _stake(staked);
        if (unbonding != 0) {
            VM.prank(provider);
            staking.requestUnstake(hid, unbonding);
        }
        uint256 expected = (staked * params.slashBps()) / 10_000;
        if (expected == 0) return;
        uint256 id = missedChallenge(createResource(hid));
        VM.prank(challenger);
        staking.slash(hid, id);
        IPowerVerseStaking.Stake memory s = staking.stakeOf(hid);
        assertEq(s.amount + s.unbonding + pvc.balanceOf(treasury), staked, "stake + slashed = staked");
        assertEq(pvc.balanceOf(address(staking)), s.amount + s.unbonding, "held = accounted");
    }
}
