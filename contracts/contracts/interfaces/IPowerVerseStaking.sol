// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title Errors and events of ProviderStaking: PVC staked per HID, unbonding, slashing.
interface IPowerVerseStaking {
    /// @dev Slot 0 holds what the market's stake check reads (amount and compute type); the HID's owner controls it.
    struct Stake {
        uint96 amount;
        uint32 computeType;
        uint64 unbondingEnd;
        uint256 unbonding;
    }

    event Staked(uint256 indexed hid, address indexed staker, uint256 amount);
    event UnstakeRequested(uint256 indexed hid, address indexed staker, uint256 amount, uint64 unbondingEnd);
    event Withdrawn(uint256 indexed hid, address indexed staker, uint256 amount);
    event Slashed(uint256 indexed hid, uint256 amount, uint256 indexed challengeId);

    error ProviderStakingNotHardwareOwner(uint256 hid, address caller);
    error ProviderStakingZeroAmount();
    error ProviderStakingInsufficientStake(uint256 staked, uint256 requested);
    error ProviderStakingLocked(uint256 hid, uint64 until);
    error ProviderStakingStillUnbonding(uint64 unbondingEnd);
    error ProviderStakingNothingToWithdraw(uint256 hid);
    error ProviderStakingNothingToSlash(uint256 hid);
    error ProviderStakingNotSlashable(uint256 hid, uint256 challengeId);
    error ProviderStakingAlreadySlashed(uint256 challengeId);
}
