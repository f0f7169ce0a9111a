// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title Errors and events of the asset tokens: HID (hardware), VID (resource), UID (usage right), RID (revenue right).
interface IPowerVerseAssets {
    struct Hardware {
        uint32 gpuModel;
        uint32 computeType;
        address agent;
        bytes32 deviceHash;
        uint16 vcpus;
        uint32 memoryMiB;
    }

    struct Resource {
        uint256 hid;
        uint16 gpuShareBps;
        uint16 vcpus;
        uint32 memoryMiB;
        uint32 diskGiB;
    }

    /// @dev What the live resources of an HID take of it; never more than the hardware has.
    struct Allocation {
        uint16 gpuShareBps;
        uint16 vcpus;
        uint32 memoryMiB;
    }

    struct UsageRight {
        uint256 vid;
        uint64 duration;
        uint64 expires;
        address user;
    }

    event HardwareRegistered(
        uint256 indexed hid, address indexed provider, uint32 gpuModel, bytes32 deviceHash, address agent
    );
    event AgentChanged(uint256 indexed hid, address agent);
    event ResourceCreated(uint256 indexed vid, uint256 indexed hid, address indexed provider);
    event ResourceRetired(uint256 indexed vid, uint256 indexed hid);
    event UsageRightsBound(address usageRights);
    event MarketBound(address market);
    event UsageRightCreated(uint256 indexed uid, uint256 indexed vid, address indexed provider, uint64 duration);
    event UsageRightRetired(uint256 indexed uid, uint256 indexed vid);
    event RevenueRightsMinted(uint256 indexed vid, address[] beneficiaries, uint256[] shares);
    event IncomeDeposited(uint256 indexed vid, address indexed token, uint256 amount);
    event IncomeClaimed(uint256 indexed vid, address indexed token, address indexed account, uint256 amount);

    error HardwareRegistryDeviceRegistered(bytes32 deviceHash);
    error HardwareRegistryZeroAgent();
    error HardwareRegistryNotOwner(uint256 hid, address caller);
    error HardwareRegistryZeroCapacity();
    error HardwareRegistryInvalidAttestation(address recovered, address agent);

    error ResourceRegistryNotHardwareOwner(uint256 hid, address caller);
    error ResourceRegistryInvalidSpec();
    error ResourceRegistryOverAllocated(uint256 hid, Allocation allocated, Allocation capacity);
    error ResourceRegistryNotOwner(uint256 vid, address caller);
    error ResourceRegistryResourceBound(uint256 vid, uint256 liveUid);
    error ResourceRegistryNotDeployer(address caller);
    error ResourceRegistryAlreadyBound(address usageRights);
    error ResourceRegistryUsageRightsNotBound();

    error UsageRightsNotResourceOwner(uint256 vid, address caller);
    error UsageRightsResourceBound(uint256 vid, uint256 liveUid);
    error UsageRightsZeroDuration();
    error UsageRightsAlreadyRented(uint256 uid);
    error UsageRightsNotOwner(uint256 uid, address caller);
    error UsageRightsUserSetByMarket();

    error RevenueRightsAlreadyMinted(uint256 vid);
    error RevenueRightsNotMinted(uint256 vid);
    error RevenueRightsInvalidShares(uint256 expectedTotal, uint256 actualTotal);
    error RevenueRightsNothingToClaim(uint256 vid, address token, address account);
    error RevenueRightsZeroIncome();
    error RevenueRightsSharesListed(uint256 vid, address account, uint256 balance, uint256 needed);
    error UsageRightsNotListed(uint256 uid);
    error UsageRightsNotMarket(address caller);
    error UsageRightsNotDeployer(address caller);
    error UsageRightsMarketBound(address market);
    error UsageRightsInvalidMarket(address market);
    error RevenueRightsNotMarket(address caller);
    error RevenueRightsNotDeployer(address caller);
    error RevenueRightsMarketBound(address market);
    error RevenueRightsInvalidMarket(address market);
}
