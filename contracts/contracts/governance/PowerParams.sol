// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {IPowerVerseParams} from "../interfaces/IPowerVerseParams.sol";

/// @title PowerParams — the DAO's parameters, owned by the TimelockController (DESIGN.md §2).
/// @notice Compute types, GPU models and proof parameters can only be added: an id that exists is refused,
/// proof parameters gain a new version instead of changing an old one (seed 000). Everything else is
/// changeable, by the owner (the timelock, so only through a passed Governor proposal).
contract PowerParams is Ownable, IPowerVerseParams {
    uint16 private constant _MAX_BPS = 10_000;

    /// @notice The longest dispute window, proof deadline and challenge cooldown governance may set.
    uint32 public constant MAX_PERIOD_SECONDS = 30 days;

    mapping(uint32 computeType => string name) private _computeTypes;
    mapping(uint32 gpuModel => GpuModel model) private _gpuModels;
    mapping(uint32 computeType => ProofParams[] versions) private _proofParams;
    mapping(uint32 computeType => uint256 weight) private _revenueWeights;
    mapping(address token => AcceptedToken terms) private _acceptedTokens;
    mapping(uint32 computeType => uint256 amount) private _minStakes;

    // One slot (240 bits) for what a settlement reads (the dispute window in force and the treasury) and a slash
    // reads (the treasury and the slash rate), so each reads one cold slot of this contract.
    address private _treasury;
    uint16 private _slashBps;
    uint32 private _disputeWindowSeconds;
    uint32 private _maxProofDeadlineSeconds;
    // The next slot (a uint32 first, which does not fit the 16 bits left above): the unbonding period, the
    // challenge cooldown and the fee terms a purchase reads.
    uint32 private _unbondingSeconds;
    uint32 private _challengeCooldownSeconds;
    uint16 private _platformFeeBps;
    uint16 private _burnShareBps;

    /// @param timelock the owner: the TimelockController executing Governor proposals.
    /// @param treasury_ receives platform fees and slashed stake.
    constructor(address timelock, address treasury_) Ownable(timelock) {
        if (treasury_ == address(0)) revert PowerParamsZeroValue();
        _treasury = treasury_;
        _unbondingSeconds = 7 days;
    }

    // ---------------------------------------------------------------- add-only lists

    /// @notice Adds a compute type (e.g. 1 = GPU). Add-only.
    /// @dev Requirements: caller is the owner; `computeType` is new and not 0; `name` is not empty.
    function addComputeType(uint32 computeType, string calldata name) external onlyOwner {
        if (computeType == 0) revert PowerParamsZeroValue();
        if (bytes(name).length == 0) revert PowerParamsEmptyName();
        if (bytes(_computeTypes[computeType]).length != 0) revert PowerParamsComputeTypeExists(computeType);
        _computeTypes[computeType] = name;
        emit ComputeTypeAdded(computeType, name);
    }

    /// @notice Adds a GPU model of a compute type. Add-only.
    /// @dev Requirements: caller is the owner; `id` is new and not 0; the compute type exists; `name` is not empty.
    function addGpuModel(uint32 id, uint32 computeType, string calldata name, uint32 memoryMiB) external onlyOwner {
        if (bytes(name).length == 0) revert PowerParamsEmptyName();
        if (id == 0 || _gpuModels[id].computeType != 0) revert PowerParamsGpuModelExists(id);
        _requireComputeType(computeType);
        _gpuModels[id] = GpuModel({computeType: computeType, memoryMiB: memoryMiB, name: name});
        emit GpuModelAdded(id, computeType, name, memoryMiB);
    }

    /// @notice Adds a new version of the proof parameters of a compute type; earlier versions stay as they were.
    /// The dispute window is never shorter than the longest proof deadline ever added.
    /// @dev Requirements: caller is the owner; the compute type exists; 1 <= difficulty <= 64; shares >= 1;
    /// 1 second <= deadline <= MAX_PERIOD_SECONDS.
    function addProofParams(uint32 computeType, uint8 difficulty, uint16 shares, uint32 deadlineSeconds)
        external
        onlyOwner
        returns (uint32 version)
    {
        _requireComputeType(computeType);
        if (
            difficulty == 0 || difficulty > 64 || shares == 0 || deadlineSeconds == 0
                || deadlineSeconds > MAX_PERIOD_SECONDS
        ) {
            revert PowerParamsInvalidProofParams(difficulty, shares, deadlineSeconds);
        }
        if (deadlineSeconds > _maxProofDeadlineSeconds) _maxProofDeadlineSeconds = deadlineSeconds;
        ProofParams[] storage versions = _proofParams[computeType];
        versions.push(ProofParams({difficulty: difficulty, shares: shares, deadlineSeconds: deadlineSeconds}));
        version = uint32(versions.length);
        emit ProofParamsAdded(computeType, version, difficulty, shares, deadlineSeconds);
    }

    // ---------------------------------------------------------------- changeable values

    /// @notice Sets the revenue weight (the RID total supply minted for a VID) of a compute type.
    /// @dev Requirements: caller is the owner; the compute type exists; weight > 0.
    function setRevenueWeight(uint32 computeType, uint256 weight) external onlyOwner {
        _requireComputeType(computeType);
        if (weight == 0) revert PowerParamsZeroValue();
        _revenueWeights[computeType] = weight;
        emit RevenueWeightChanged(computeType, weight);
    }

    /// @notice Sets the platform fee (bps of a settled rental) and the share of that fee which is burned.
    /// @dev Requirements: caller is the owner; both values <= 10000.
    function setFees(uint16 platformFeeBps_, uint16 burnShareBps_) external onlyOwner {
        if (platformFeeBps_ > _MAX_BPS) revert PowerParamsInvalidBps(platformFeeBps_);
        if (burnShareBps_ > _MAX_BPS) revert PowerParamsInvalidBps(burnShareBps_);
        _platformFeeBps = platformFeeBps_;
        _burnShareBps = burnShareBps_;
        emit FeesChanged(platformFeeBps_, burnShareBps_);
    }

    /// @notice Sets the treasury receiving fees and slashed stake.
    /// @dev Requirements: caller is the owner; treasury is not the zero address.
    function setTreasury(address treasury_) external onlyOwner {
        if (treasury_ == address(0)) revert PowerParamsZeroValue();
        _treasury = treasury_;
        emit TreasuryChanged(treasury_);
    }

    /// @notice Accepts (or stops accepting) a payment token, with its fee discount (seed 002, Akash model).
    /// @dev Requirements: caller is the owner; token is not the zero address; discount <= 10000.
    function setAcceptedToken(address token, bool accepted, uint16 discountBps) external onlyOwner {
        if (token == address(0)) revert PowerParamsZeroValue();
        if (discountBps > _MAX_BPS) revert PowerParamsInvalidBps(discountBps);
        _acceptedTokens[token] = AcceptedToken({accepted: accepted, discountBps: discountBps});
        emit AcceptedTokenChanged(token, accepted, discountBps);
    }

    /// @notice Sets the minimum PVC stake of an HID of a compute type.
    /// @dev Requirements: caller is the owner; the compute type exists.
    function setMinStake(uint32 computeType, uint256 amount) external onlyOwner {
        _requireComputeType(computeType);
        _minStakes[computeType] = amount;
        emit MinStakeChanged(computeType, amount);
    }

    /// @notice Sets the share of a stake slashed per violation.
    /// @dev Requirements: caller is the owner; slashBps <= 10000.
    function setSlashRate(uint16 slashBps_) external onlyOwner {
        if (slashBps_ > _MAX_BPS) revert PowerParamsInvalidBps(slashBps_);
        _slashBps = slashBps_;
        emit SlashRateChanged(slashBps_);
    }

    /// @notice Sets how long unstaked PVC stays slashable before it can be withdrawn.
    /// @dev Requirements: caller is the owner.
    function setUnbondingPeriod(uint32 unbondingSeconds_) external onlyOwner {
        _unbondingSeconds = unbondingSeconds_;
        emit UnbondingPeriodChanged(unbondingSeconds_);
    }

    /// @notice Sets the dispute window: after a rental ends, only the challenger may settle it for this long, and
    /// the HID's stake stays locked (DESIGN.md §2). The window in force is never shorter than the longest proof
    /// deadline, so a challenge issued in a rental's last second can expire and be refunded before anyone settles.
    /// @dev Requirements: caller is the owner; seconds <= MAX_PERIOD_SECONDS.
    function setDisputeWindow(uint32 seconds_) external onlyOwner {
        if (seconds_ > MAX_PERIOD_SECONDS) revert PowerParamsTooLong(seconds_, MAX_PERIOD_SECONDS);
        _disputeWindowSeconds = seconds_;
        emit DisputeWindowChanged(seconds_);
    }

    /// @notice Sets how long a requester waits between two challenges of the same VID.
    /// @dev Requirements: caller is the owner; seconds <= MAX_PERIOD_SECONDS.
    function setChallengeCooldown(uint32 seconds_) external onlyOwner {
        if (seconds_ > MAX_PERIOD_SECONDS) revert PowerParamsTooLong(seconds_, MAX_PERIOD_SECONDS);
        _challengeCooldownSeconds = seconds_;
        emit ChallengeCooldownChanged(seconds_);
    }

    // ---------------------------------------------------------------- views

    /// @notice Whether `token` is accepted, the platform fee after its discount, and the burned share of the fee.
    function feeTerms(address token) external view returns (bool accepted, uint16 feeBps, uint16 burnShareBps_) {
        AcceptedToken memory terms = _acceptedTokens[token];
        accepted = terms.accepted;
        // Both factors are <= 10000, so the product fits and the result is <= _platformFeeBps.
        feeBps = uint16((uint256(_platformFeeBps) * (_MAX_BPS - terms.discountBps)) / _MAX_BPS);
        burnShareBps_ = _burnShareBps;
    }

    /// @notice The name of a compute type ("" when unknown).
    function computeTypeName(uint32 computeType) external view returns (string memory) {
        return _computeTypes[computeType];
    }

    /// @notice Whether a compute type exists.
    function computeTypeExists(uint32 computeType) external view returns (bool) {
        return bytes(_computeTypes[computeType]).length != 0;
    }

    /// @notice A GPU model.
    /// @dev Requirements: the model exists.
    function gpuModel(uint32 id) external view returns (GpuModel memory) {
        GpuModel memory model = _gpuModels[id];
        if (model.computeType == 0) revert PowerParamsUnknownGpuModel(id);
        return model;
    }

    /// @notice The compute type of a GPU model.
    /// @dev Requirements: the model exists.
    function gpuModelComputeType(uint32 id) external view returns (uint32 computeType) {
        computeType = _gpuModels[id].computeType;
        if (computeType == 0) revert PowerParamsUnknownGpuModel(id);
    }

    /// @notice The latest proof parameters of a compute type and their version (1-based).
    /// @dev Requirements: at least one version exists.
    function latestProofParams(uint32 computeType) external view returns (uint32 version, ProofParams memory) {
        ProofParams[] storage versions = _proofParams[computeType];
        version = uint32(versions.length);
        if (version == 0) revert PowerParamsNoProofParams(computeType);
        return (version, versions[version - 1]);
    }

    /// @notice One version (1-based) of the proof parameters of a compute type.
    /// @dev Requirements: the version exists.
    function proofParams(uint32 computeType, uint32 version) external view returns (ProofParams memory) {
        ProofParams[] storage versions = _proofParams[computeType];
        if (version == 0 || version > versions.length) revert PowerParamsNoProofParams(computeType);
        return versions[version - 1];
    }

    /// @notice The revenue weight of a compute type (0 when unset).
    function revenueWeight(uint32 computeType) external view returns (uint256) {
        return _revenueWeights[computeType];
    }

    /// @notice The platform fee in bps.
    function platformFeeBps() external view returns (uint16) {
        return _platformFeeBps;
    }

    /// @notice The share of the platform fee that is burned, in bps.
    function burnShareBps() external view returns (uint16) {
        return _burnShareBps;
    }

    /// @notice The treasury.
    function treasury() external view returns (address) {
        return _treasury;
    }

    /// @notice Whether a token is accepted for payment and its fee discount.
    function acceptedToken(address token) external view returns (AcceptedToken memory) {
        return _acceptedTokens[token];
    }

    /// @notice The minimum stake of an HID of a compute type.
    function minStake(uint32 computeType) external view returns (uint256) {
        return _minStakes[computeType];
    }

    /// @notice The slash rate in bps.
    function slashBps() external view returns (uint16) {
        return _slashBps;
    }

    /// @notice The unbonding period in seconds.
    function unbondingSeconds() external view returns (uint32) {
        return _unbondingSeconds;
    }

    /// @notice The dispute window in force: the one set, or the longest proof deadline when that is longer.
    function disputeWindow() external view returns (uint32) {
        uint32 set = _disputeWindowSeconds;
        uint32 deadline = _maxProofDeadlineSeconds;
        return set > deadline ? set : deadline;
    }

    /// @notice The challenge cooldown per VID and requester, in seconds.
    function challengeCooldown() external view returns (uint32) {
        return _challengeCooldownSeconds;
    }

    function _requireComputeType(uint32 computeType) private view {
        if (bytes(_computeTypes[computeType]).length == 0) revert PowerParamsUnknownComputeType(computeType);
    }
}
