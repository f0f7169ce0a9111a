// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title The DAO's market parameters (DESIGN.md §2, PowerParams + governance).
/// @notice Compute types, GPU models and proof parameters are add-only (seed 000: "add, never modify");
/// revenue weights, fees, accepted tokens, stake minimums and slash rates are changeable by governance.
interface IPowerVerseParams {
    struct GpuModel {
        uint32 computeType;
        uint32 memoryMiB;
        string name;
    }

    struct ProofParams {
        uint8 difficulty;
        uint16 shares;
        uint32 deadlineSeconds;
    }

    struct AcceptedToken {
        bool accepted;
        uint16 discountBps;
    }

    event ComputeTypeAdded(uint32 indexed computeType, string name);
    event GpuModelAdded(uint32 indexed gpuModel, uint32 indexed computeType, string name, uint32 memoryMiB);
    event ProofParamsAdded(
        uint32 indexed computeType, uint32 indexed version, uint8 difficulty, uint16 shares, uint32 deadlineSeconds
    );
    event RevenueWeightChanged(uint32 indexed computeType, uint256 weight);
    event FeesChanged(uint16 platformFeeBps, uint16 burnShareBps);
    event TreasuryChanged(address treasury);
    event AcceptedTokenChanged(address indexed token, bool accepted, uint16 discountBps);
    event MinStakeChanged(uint32 indexed computeType, uint256 amount);
    event SlashRateChanged(uint16 slashBps);
    event UnbondingPeriodChanged(uint32 unbondingSeconds);
    event DisputeWindowChanged(uint32 disputeWindowSeconds);
    event ChallengeCooldownChanged(uint32 cooldownSeconds);

    error PowerParamsComputeTypeExists(uint32 computeType);
    error PowerParamsUnknownComputeType(uint32 computeType);
    error PowerParamsGpuModelExists(uint32 gpuModel);
    error PowerParamsUnknownGpuModel(uint32 gpuModel);
    error PowerParamsNoProofParams(uint32 computeType);
    error PowerParamsInvalidProofParams(uint8 difficulty, uint16 shares, uint32 deadlineSeconds);
    error PowerParamsInvalidBps(uint256 bps);
    error PowerParamsZeroValue();
    error PowerParamsEmptyName();
    error PowerParamsTooLong(uint256 value, uint256 max);

    /// @notice What the market needs at a purchase, in one call: whether `token` is accepted, the platform fee
    /// after the token's discount, and the burned share of that fee.
    function feeTerms(address token) external view returns (bool accepted, uint16 feeBps, uint16 burnShareBps);

    function computeTypeName(uint32 computeType) external view returns (string memory);
    function computeTypeExists(uint32 computeType) external view returns (bool);
    function gpuModel(uint32 id) external view returns (GpuModel memory);
    function gpuModelComputeType(uint32 id) external view returns (uint32);
    function latestProofParams(uint32 computeType) external view returns (uint32 version, ProofParams memory);
    function revenueWeight(uint32 computeType) external view returns (uint256);
    function platformFeeBps() external view returns (uint16);
    function burnShareBps() external view returns (uint16);
    function treasury() external view returns (address);
    function acceptedToken(address token) external view returns (AcceptedToken memory);
    function minStake(uint32 computeType) external view returns (uint256);
    function slashBps() external view returns (uint16);
    function unbondingSeconds() external view returns (uint32);
    function disputeWindow() external view returns (uint32);
    function challengeCooldown() external view returns (uint32);
}
