// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Context} from "@openzeppelin/contracts/utils/Context.sol";
import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";
import {EIP712} from "@openzeppelin/contracts/utils/cryptography/EIP712.sol";
import {ERC721} from "@openzeppelin/contracts/token/ERC721/ERC721.sol";
import {IPowerVerseAssets} from "../interfaces/IPowerVerseAssets.sol";
import {IPowerVerseParams} from "../interfaces/IPowerVerseParams.sol";
import {PowerVerseContext} from "../utils/PowerVerseContext.sol";

/// @title HID — one ERC-721 per physical GPU (DESIGN.md §2).
/// @notice Holds the GPU model (from the DAO list), its compute type, keccak256(device UUID) — unique, so a device
/// cannot be registered twice — the agent address that signs the device's proofs, and the vCPUs and memory of the
/// host that its resources (VIDs) share out. A registration carries the agent's attestation: its EIP-712 signature
/// of DeviceAttestation(bytes32 deviceHash,address owner) under the domain {name "PowerVerse HardwareRegistry",
/// version "1", chainId, verifyingContract = this registry}, where owner is the account the HID is minted to. A
/// pending registration copied by someone else therefore fails (it names another owner), so a device cannot be
/// squatted by front-running, and only a device whose agent signed can be registered.
contract HardwareRegistry is ERC721, EIP712, PowerVerseContext, IPowerVerseAssets {
    /// @notice EIP-712 type hash of the agent's attestation of a device for an owner.
    bytes32 public constant DEVICE_ATTESTATION_TYPEHASH = keccak256("DeviceAttestation(bytes32 deviceHash,address owner)");

    IPowerVerseParams private immutable _params;
    uint256 private _lastId;
    mapping(uint256 hid => Hardware hardware) private _hardware;
    mapping(bytes32 deviceHash => uint256 hid) private _hidOfDevice;

    constructor(IPowerVerseParams params_, address forwarder)
        ERC721("PowerVerse Hardware", "HID")
        EIP712("PowerVerse HardwareRegistry", "1")
        PowerVerseContext(forwarder)
    {
        _params = params_;
    }

    /// @notice Registers a GPU as a new HID owned by the caller.
    /// @param gpuModel a GPU model id from the DAO list.
    /// @param deviceHash keccak256 of the device UUID.
    /// @param agent the address whose EIP-712 signatures prove this device's work.
    /// @param vcpus the host's vCPUs that the HID's resources may share out.
    /// @param memoryMiB the host's memory that the HID's resources may share out.
    /// @param attestation the agent's EIP-712 DeviceAttestation(deviceHash, owner = the caller) signature (65 bytes).
    /// @dev Requirements: the GPU model exists; the device is not registered; the agent is not the zero address;
    /// vcpus and memoryMiB are not 0; `attestation` is the agent's signature for this device and the caller.
    function register(
        uint32 gpuModel,
        bytes32 deviceHash,
        address agent,
        uint16 vcpus,
        uint32 memoryMiB,
        bytes calldata attestation
    ) external returns (uint256 hid) {
        if (agent == address(0)) revert HardwareRegistryZeroAgent();
        if (vcpus == 0 || memoryMiB == 0) revert HardwareRegistryZeroCapacity();
        if (_hidOfDevice[deviceHash] != 0) revert HardwareRegistryDeviceRegistered(deviceHash);
        address provider = _msgSender();
        address signer = ECDSA.recover(attestationDigest(deviceHash, provider), attestation);
        if (signer != agent) revert HardwareRegistryInvalidAttestation(signer, agent);
        uint32 computeType = _params.gpuModelComputeType(gpuModel);
        hid = ++_lastId;
        _hardware[hid] = Hardware({
            gpuModel: gpuModel,
            computeType: computeType,
            agent: agent,
            deviceHash: deviceHash,
            vcpus: vcpus,
            memoryMiB: memoryMiB
        });
        _hidOfDevice[deviceHash] = hid;
        _mint(provider, hid);
        emit HardwareRegistered(hid, provider, gpuModel, deviceHash, agent);
    }

    /// @notice Replaces the agent key of an HID (e.g. after the agent host was reinstalled).
    /// @dev Requirements: the caller owns the HID; the agent is not the zero address.
    function setAgent(uint256 hid, address agent) external {
        if (agent == address(0)) revert HardwareRegistryZeroAgent();
        address caller = _msgSender();
        if (_requireOwned(hid) != caller) revert HardwareRegistryNotOwner(hid, caller);
        _hardware[hid].agent = agent;
        emit AgentChanged(hid, agent);
    }

    /// @notice The record of an HID.
    /// @dev Requirements: the HID exists.
    function hardware(uint256 hid) external view returns (Hardware memory) {
        _requireOwned(hid);
        return _hardware[hid];
    }

    /// @notice The EIP-712 digest the agent signs to attest `deviceHash` for `owner` on this registry and chain.
    function attestationDigest(bytes32 deviceHash, address owner) public view returns (bytes32) {
        return _hashTypedDataV4(keccak256(abi.encode(DEVICE_ATTESTATION_TYPEHASH, deviceHash, owner)));
    }

    /// @notice The EIP-712 domain separator (name "PowerVerse HardwareRegistry", version "1").
    function domainSeparator() external view returns (bytes32) {
        return _domainSeparatorV4();
    }

    /// @notice The HID registered for a device hash (0 when none).
    function hidOfDevice(bytes32 deviceHash) external view returns (uint256) {
        return _hidOfDevice[deviceHash];
    }

    /// @notice The number of HIDs ever registered (ids are 1..count).
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
