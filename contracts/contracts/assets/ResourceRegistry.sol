// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Context} from "@openzeppelin/contracts/utils/Context.sol";
import {ERC721} from "@openzeppelin/contracts/token/ERC721/ERC721.sol";
import {IPowerVerseAssets} from "../interfaces/IPowerVerseAssets.sol";
import {PowerVerseContext} from "../utils/PowerVerseContext.sol";
import {HardwareRegistry} from "./HardwareRegistry.sol";

/// @title VID — an ERC-721 compute resource (a vGPU environment) bound to one HID (DESIGN.md §2).
/// @notice Whether a VID is free or bound to a live UID is answered by UsageRights (scenario 2).
contract ResourceRegistry is ERC721, PowerVerseContext, IPowerVerseAssets {
    uint16 private constant _MAX_BPS = 10_000;

    HardwareRegistry private immutable _hardware;
    uint256 private _lastId;
    mapping(uint256 vid => Resource resource) private _resources;
    mapping(uint256 hid => uint256[] vids) private _resourcesOfHardware;

    constructor(HardwareRegistry hardware_, address forwarder)
        ERC721("PowerVerse Resource", "VID")
        PowerVerseContext(forwarder)
    {
        _hardware = hardware_;
    }

    /// @notice Creates a resource on an HID the caller owns.
    /// @param gpuShareBps the share of the GPU, in bps (10000 = the whole GPU).
    /// @dev Requirements: the caller owns the HID; 0 < gpuShareBps <= 10000; vcpus, memory and disk are not 0.
    function create(uint256 hid, uint16 gpuShareBps, uint16 vcpus, uint32 memoryMiB, uint32 diskGiB)
        external
        returns (uint256 vid)
    {
        address provider = _msgSender();
        if (_hardware.ownerOf(hid) != provider) revert ResourceRegistryNotHardwareOwner(hid, provider);
        if (gpuShareBps == 0 || gpuShareBps > _MAX_BPS || vcpus == 0 || memoryMiB == 0 || diskGiB == 0) {
            revert ResourceRegistryInvalidSpec();
        }
        vid = ++_lastId;
        _resources[vid] =
            Resource({hid: hid, gpuShareBps: gpuShareBps, vcpus: vcpus, memoryMiB: memoryMiB, diskGiB: diskGiB});
        _resourcesOfHardware[hid].push(vid);
        _mint(provider, vid);
        emit ResourceCreated(vid, hid, provider);
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

    /// @notice The VIDs created on an HID.
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
