// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {Context} from "@openzeppelin/contracts/utils/Context.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {HardwareRegistry} from "../assets/HardwareRegistry.sol";
import {ResourceRegistry} from "../assets/ResourceRegistry.sol";
import {UsageRights} from "../assets/UsageRights.sol";
import {IPowerVerseParams} from "../interfaces/IPowerVerseParams.sol";
import {IPowerVerseProof} from "../interfaces/IPowerVerseProof.sol";
import {ProofOfCompute} from "../proof/ProofOfCompute.sol";
import {IPowerVerseStaking} from "../interfaces/IPowerVerseStaking.sol";
import {PowerVerseContext} from "../utils/PowerVerseContext.sol";

/// @title ProviderStaking — PVC staked per HID, with unbonding and slashing (DESIGN.md §2).
/// @notice An HID counts as staked when its stake reaches the DAO minimum of its compute type; the market requires
/// that at every listing and purchase. The stake belongs to the HID: whoever owns the HID controls it, so it moves
/// with the HID. It stays locked — no unstake request, no withdrawal — until the latest rental of the HID's
/// resources has ended and its dispute window has passed; unstaked PVC stays slashable for the unbonding period.
/// The challenger slashes a share (DAO slash rate) of stake and unbonding PVC once per failed or missed proof — a
/// challenge of the HID that expired without a verified result — by challenge id; it goes to the treasury.
contract ProviderStaking is AccessControl, ReentrancyGuardTransient, PowerVerseContext, IPowerVerseStaking {
    using SafeERC20 for IERC20;

    /// @notice The platform challenger: slashes for failed or missed proofs.
    bytes32 public constant CHALLENGER_ROLE = keccak256("CHALLENGER_ROLE");

    uint256 private constant _MAX_BPS = 10_000;

    IERC20 private immutable _pvc;
    IPowerVerseParams private immutable _params;
    UsageRights private immutable _usage;
    ResourceRegistry private immutable _resources;
    HardwareRegistry private immutable _hardware;
    ProofOfCompute private immutable _proof;

    mapping(uint256 hid => Stake stake) private _stakes;
    mapping(uint256 challengeId => bool slashed) private _slashed;

    constructor(
        IERC20 pvc_,
        IPowerVerseParams params_,
        UsageRights usage_,
        ProofOfCompute proof_,
        address admin,
        address forwarder
    ) PowerVerseContext(forwarder) {
        _pvc = pvc_;
        _params = params_;
        _usage = usage_;
        _proof = proof_;
        _resources = usage_.resourceRegistry();
        _hardware = _resources.hardwareRegistry();
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
    }

    /// @notice Stakes `amount` PVC on an HID the caller owns.
    /// @dev Requirements: amount > 0; the caller owns the HID; approval given.
    function stake(uint256 hid, uint256 amount) external nonReentrant {
        if (amount == 0) revert ProviderStakingZeroAmount();
        address caller = _requireHardwareOwner(hid);
        Stake storage s = _stakes[hid];
        // The compute type of an HID never changes; keeping it here lets the market's stake check read one slot.
        if (s.computeType == 0) s.computeType = _hardware.hardware(hid).computeType;
        s.amount = SafeCast.toUint96(s.amount + amount);
        emit Staked(hid, caller, amount);
        _pvc.safeTransferFrom(caller, address(this), amount);
    }

    /// @notice Starts unbonding `amount` of an HID's stake; it can be withdrawn after the unbonding period.
    /// A new request adds to what is unbonding and restarts the period.
    /// @dev Requirements: the caller owns the HID; 0 < amount <= stake; the stake is not locked by a rental.
    function requestUnstake(uint256 hid, uint256 amount) external {
        address caller = _requireHardwareOwner(hid);
        Stake storage s = _stakes[hid];
        if (amount == 0) revert ProviderStakingZeroAmount();
        uint256 staked = s.amount;
        if (amount > staked) revert ProviderStakingInsufficientStake(staked, amount);
        _requireUnlocked(hid);
        // amount <= staked < 2^96 was checked above.
        unchecked {
            s.amount = uint96(staked - amount);
        }
        s.unbonding += amount;
        uint64 end = uint64(block.timestamp) + _params.unbondingSeconds();
        s.unbondingEnd = end;
        emit UnstakeRequested(hid, caller, amount, end);
    }

    /// @notice Withdraws an HID's unbonded PVC to its owner.
    /// @dev Requirements: the caller owns the HID; something is unbonding; the unbonding period has passed; the
    /// stake is not locked by a rental.
    function withdraw(uint256 hid) external nonReentrant {
        address caller = _requireHardwareOwner(hid);
        Stake storage s = _stakes[hid];
        uint256 amount = s.unbonding;
        if (amount == 0) revert ProviderStakingNothingToWithdraw(hid);
        if (block.timestamp < s.unbondingEnd) revert ProviderStakingStillUnbonding(s.unbondingEnd);
        _requireUnlocked(hid);
        s.unbonding = 0;
        emit Withdrawn(hid, caller, amount);
        _pvc.safeTransfer(caller, amount);
    }

    /// @notice Slashes an HID by the DAO slash rate, from stake first and then from unbonding PVC, to the treasury,
    /// for a challenge of that HID that expired without a verified result. Each challenge slashes once.
    /// @dev Requirements: the caller has CHALLENGER_ROLE; the challenge is of this HID and expired; it has not been
    /// slashed for; the slashed amount is not 0.
    function slash(uint256 hid, uint256 challengeId)
        external
        onlyRole(CHALLENGER_ROLE)
        nonReentrant
        returns (uint256 amount)
    {
        IPowerVerseProof.Challenge memory challenge = _proof.challengeOf(challengeId);
        if (challenge.hid != hid || challenge.status != IPowerVerseProof.Status.Expired) {
            revert ProviderStakingNotSlashable(hid, challengeId);
        }
        if (_slashed[challengeId]) revert ProviderStakingAlreadySlashed(challengeId);
        Stake storage s = _stakes[hid];
        uint256 staked = s.amount;
        amount = ((staked + s.unbonding) * _params.slashBps()) / _MAX_BPS;
        if (amount == 0) revert ProviderStakingNothingToSlash(hid);
        _slashed[challengeId] = true;
        if (amount <= staked) {
            // amount <= staked < 2^96 was just checked.
            unchecked {
                s.amount = uint96(staked - amount);
            }
        } else {
            s.amount = 0;
            // amount <= staked + unbonding because slashBps <= 10000.
            s.unbonding -= amount - staked;
        }
        emit Slashed(hid, amount, challengeId);
        _pvc.safeTransfer(_params.treasury(), amount);
    }

    /// @notice Whether a challenge has been slashed for.
    function isSlashed(uint256 challengeId) external view returns (bool) {
        return _slashed[challengeId];
    }

    /// @notice The stake record of an HID.
    function stakeOf(uint256 hid) external view returns (Stake memory) {
        return _stakes[hid];
    }

    /// @notice Whether an HID's stake reaches the minimum of its compute type (and is not 0).
    function isStaked(uint256 hid) external view returns (bool) {
        Stake storage s = _stakes[hid];
        uint256 amount = s.amount;
        return amount != 0 && amount >= _params.minStake(s.computeType);
    }

    /// @notice Until when an HID's stake is locked: the latest end of a rental of its resources plus the dispute
    /// window (0 when none of them was ever rented).
    function lockedUntil(uint256 hid) public view returns (uint64) {
        uint256[] memory vids = _resources.resourcesOf(hid);
        uint64 latest;
        for (uint256 i; i < vids.length; ++i) {
            uint64 end = _usage.rentedUntil(vids[i]);
            if (end > latest) latest = end;
        }
        return latest == 0 ? 0 : latest + _params.disputeWindow();
    }

    function _requireHardwareOwner(uint256 hid) private view returns (address caller) {
        caller = _msgSender();
        if (_hardware.ownerOf(hid) != caller) revert ProviderStakingNotHardwareOwner(hid, caller);
    }

    function _requireUnlocked(uint256 hid) private view {
        uint64 until = lockedUntil(hid);
        if (block.timestamp < until) revert ProviderStakingLocked(hid, until);
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
