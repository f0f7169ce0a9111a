// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title Errors and events of ProviderStaking: PVC staked per HID, unbonding, slashing.
interface IPowerVerseStaking {
    struct Stake {
        address staker;
        uint256 amount;
        uint256 unbonding;
        uint64 unbondingEnd;
    }

    event Staked(uint256 indexed hid, address indexed staker, uint256 amount);
    event UnstakeRequested(uint256 indexed hid, address indexed staker, uint256 amount, uint64 unbondingEnd);
    event Withdrawn(uint256 indexed hid, address indexed staker, uint256 amount);
    event Slashed(uint256 indexed hid, uint256 amount, bytes32 indexed reason);

    error ProviderStakingNotHardwareOwner(uint256 hid, address caller);
    error ProviderStakingNotStaker(uint256 hid, address caller);
    error ProviderStakingZeroAmount();
    error ProviderStakingInsufficientStake(uint256 staked, uint256 requested);
    error ProviderStakingRented(uint256 hid, uint256 vid);
    error ProviderStakingStillUnbonding(uint64 unbondingEnd);
    error ProviderStakingNothingToWithdraw(uint256 hid);
    error ProviderStakingNothingToSlash(uint256 hid);
}
