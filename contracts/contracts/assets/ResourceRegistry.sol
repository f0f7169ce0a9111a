// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Context} from "@openzeppelin/contracts/utils/Context.sol";
import {ERC721} from "@openzeppelin/contracts/token/ERC721/ERC721.sol";
import {IPowerVerseAssets} from "../interfaces/IPowerVerseAssets.sol";
import {PowerVerseContext} from "../utils/PowerVerseContext.sol";
import {HardwareRegistry} from "./HardwareRegistry.sol";
import {UsageRights} from "./UsageRights.sol";

/// @title VID — an ERC-721 compute resource (a vGPU environment) bound to one HID (DESIGN.md §2).
/// @notice Whether a VID is free or bound to a live UID is answered by UsageRights (scenario 2). The live resources
/// of one HID never add up to more than the hardware has — GPU share <= 100 %, vCPUs and memory <= the host's — so
/// one GPU is never sold twice at once; retiring a resource gives its share back.
contract ResourceRegistry is ERC721, PowerVerseContext, IPowerVerseAssets {
    uint16 private constant _MAX_BPS = 10_000;

    HardwareRegistry private immutable _hardware;
    address private immutable _deployer;
    UsageRights private _usage;
    uint256 private _lastId;
    mapping(uint256 vid => Resource resource) private _resources;
    mapping(uint256 hid => uint256[] vids) private _resourcesOfHardware;
    mapping(uint256 hid => Allocation allocation) private _allocated;

    constructor(HardwareRegistry hardware_, address forwarder)
        ERC721("PowerVerse Resource", "VID")
        PowerVerseContext(forwarder)
    {
        _hardware = hardware_;
        _deployer = msg.sender;
    }

    /// @notice Binds the UsageRights contract built on this registry, once: it answers whether a VID is bound.
    /// @dev Requirements: the caller deployed this registry; nothing is bound yet; `usage_` is built on this registry.
    function bindUsageRights(UsageRights usage_) external {
        if (msg.sender != _deployer) revert ResourceRegistryNotDeployer(msg.sender);
        if (address(_usage) != address(0)) revert ResourceRegistryAlreadyBound(address(_usage));
        if (address(usage_.resourceRegistry()) != address(this)) revert ResourceRegistryInvalidSpec();
        _usage = usage_;
        emit UsageRightsBound(address(usage_));
    }

    /// @notice Creates a resource on an HID the caller owns, from what the hardware has left.
    /// @param gpuShareBps the share of the GPU, in bps (10000 = the whole GPU).
    /// @dev Requirements: the caller owns the HID; 0 < gpuShareBps <= 10000; vcpus, memory and disk are not 0;
    /// with the HID's live resources, GPU share <= 10000 bps, vCPUs and memory <= the host's.
    function create(uint256 hid, uint16 gpuShareBps, uint16 vcpus, uint32 memoryMiB, uint32 diskGiB)
        external
        returns (uint256 vid)
    {
        address provider = _msgSender();
        if (_hardware.ownerOf(hid) != provider) revert ResourceRegistryNotHardwareOwner(hid, provider);
        if (gpuShareBps == 0 || gpuShareBps > _MAX_BPS || vcpus == 0 || memoryMiB == 0 || diskGiB == 0) {
            revert ResourceRegistryInvalidSpec();
        }
        _allocate(hid, gpuShareBps, vcpus, memoryMiB);
        vid = ++_lastId;
        _resources[vid] =
            Resource({hid: hid, gpuShareBps: gpuShareBps, vcpus: vcpus, memoryMiB: memoryMiB, diskGiB: diskGiB});
        _resourcesOfHardware[hid].push(vid);
        _mint(provider, vid);
        emit ResourceCreated(vid, hid, provider);
    }

    /// @notice Burns a resource that no live UID is bound to and gives its share back to the HID.
    /// @dev Requirements: the caller owns the VID; no live UID is bound to it (a listed, unrented UID is retired
    /// first, which the VID's owner may do).
    function retire(uint256 vid) external {
        address caller = _msgSender();
        if (_requireOwned(vid) != caller) revert ResourceRegistryNotOwner(vid, caller);
        UsageRights usage_ = _usage;
        if (address(usage_) == address(0)) revert ResourceRegistryUsageRightsNotBound();
        uint256 live = usage_.liveUidOf(vid);
        if (live != 0) revert ResourceRegistryResourceBound(vid, live);
        Resource storage r = _resources[vid];
        uint256 hid = r.hid;
        Allocation storage a = _allocated[hid];
        // Every live resource's share was added to the allocation at creation, so these never underflow.
        a.gpuShareBps -= r.gpuShareBps;
        a.vcpus -= r.vcpus;
        a.memoryMiB -= r.memoryMiB;
        _burn(vid);
        emit ResourceRetired(vid, hid);
    }

    /// @notice What the live resources of an HID take of it.
    function allocated(uint256 hid) external view returns (Allocation memory) {
        return _allocated[hid];
    }

    /// @notice The record of a VID.
    /// @dev Requirements: the VID exists.
    function resource(uint256 vid) external view returns (Resource memory) {
        _requireOwned(vid);
        return _resources[vid];
    }

    /// @notice The HID of a VID.
    /// @dev Requirements: the VID exists.
    function hidOf(uint256 vid) external view returns (uint256) {
        _requireOwned(vid);
        return _resources[vid].hid;
    }

    /// @notice The VIDs ever created on an HID (retired ones included).
    function resourcesOf(uint256 hid) external view returns (uint256[] memory) {
        return _resourcesOfHardware[hid];
    }

    /// @notice The HID registry this registry builds on.
    function hardwareRegistry() external view returns (HardwareRegistry) {
        return _hardware;
    }

    /// @notice The number of VIDs ever created (ids are 1..count).
    function count() external view returns (uint256) {
        return _lastId;
    }

    function _allocate(uint256 hid, uint16 gpuShareBps, uint16 vcpus, uint32 memoryMiB) private {
        Hardware memory hw = _hardware.hardware(hid);
        Allocation memory current = _allocated[hid];
        uint256 gpu = uint256(current.gpuShareBps) + gpuShareBps;
        uint256 cpus = uint256(current.vcpus) + vcpus;
        uint256 memory_ = uint256(current.memoryMiB) + memoryMiB;
        if (gpu > _MAX_BPS || cpus > hw.vcpus || memory_ > hw.memoryMiB) {
            revert ResourceRegistryOverAllocated(
                hid, current, Allocation({gpuShareBps: _MAX_BPS, vcpus: hw.vcpus, memoryMiB: hw.memoryMiB})
            );
        }
        // Each sum was just checked against a capacity of the same type, so the casts keep every bit.
        _allocated[hid] = Allocation({gpuShareBps: uint16(gpu), vcpus: uint16(cpus), memoryMiB: uint32(memory_)});
    }

    function _msgSender() internal view override(Context, PowerVerseContext) returns (address) {
        return PowerVerseContext._msgSender();
    }

    function _msgData() internal view override(Context, PowerVerseContext) returns (bytes calldata) {
        return PowerVerseContext._msgData();
    }

    function _contextSuffixLength() internal view override(Context, PowerVerseContext) returns (uint256) {
        return PowerVerseContext._contextSuffixLength();
    }
}
