// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {Context} from "@openzeppelin/contracts/utils/Context.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {HardwareRegistry} from "../assets/HardwareRegistry.sol";
import {ResourceRegistry} from "../assets/ResourceRegistry.sol";
import {UsageRights} from "../assets/UsageRights.sol";
import {IPowerVerseParams} from "../interfaces/IPowerVerseParams.sol";
import {IPowerVerseStaking} from "../interfaces/IPowerVerseStaking.sol";
import {PowerVerseContext} from "../utils/PowerVerseContext.sol";

/// @title ProviderStaking — PVC staked per HID, with unbonding and slashing (DESIGN.md §2).
/// @notice An HID counts as staked when its stake reaches the DAO minimum of its compute type. Unstaking is refused
/// while any VID of the HID is rented, and unstaked PVC stays slashable for the unbonding period. The challenger
/// slashes a share (DAO slash rate) of stake and unbonding PVC for a failed or missed proof; it goes to the treasury.
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

    mapping(uint256 hid => Stake stake) private _stakes;

    constructor(IERC20 pvc_, IPowerVerseParams params_, UsageRights usage_, address admin, address forwarder)
        PowerVerseContext(forwarder)
    {
        _pvc = pvc_;
        _params = params_;
        _usage = usage_;
        _resources = usage_.resourceRegistry();
        _hardware = _resources.hardwareRegistry();
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
    }

    /// @notice Stakes `amount` PVC on an HID. The first staker of an HID is its staker until all is withdrawn.
    /// @dev Requirements: amount > 0; the caller owns the HID and is its staker (or it has none); approval given.
    function stake(uint256 hid, uint256 amount) external nonReentrant {
        if (amount == 0) revert ProviderStakingZeroAmount();
        address caller = _msgSender();
        if (_hardware.ownerOf(hid) != caller) revert ProviderStakingNotHardwareOwner(hid, caller);
        Stake storage s = _stakes[hid];
        if (s.staker == address(0)) s.staker = caller;
        else if (s.staker != caller) revert ProviderStakingNotStaker(hid, caller);
        s.amount += amount;
        emit Staked(hid, caller, amount);
        _pvc.safeTransferFrom(caller, address(this), amount);
    }

    /// @notice Starts unbonding `amount` of an HID's stake; it can be withdrawn after the unbonding period.
    /// A new request adds to what is unbonding and restarts the period.
    /// @dev Requirements: the caller is the staker; 0 < amount <= stake; no VID of the HID is rented.
    function requestUnstake(uint256 hid, uint256 amount) external {
        Stake storage s = _stakes[hid];
        address caller = _msgSender();
        if (s.staker != caller) revert ProviderStakingNotStaker(hid, caller);
        if (amount == 0) revert ProviderStakingZeroAmount();
        if (amount > s.amount) revert ProviderStakingInsufficientStake(s.amount, amount);
        uint256[] memory vids = _resources.resourcesOf(hid);
        for (uint256 i; i < vids.length; ++i) {
            if (_usage.isRented(vids[i])) revert ProviderStakingRented(hid, vids[i]);
        }
        // amount <= s.amount was checked above.
        unchecked {
            s.amount -= amount;
        }
        s.unbonding += amount;
        uint64 end = uint64(block.timestamp) + _params.unbondingSeconds();
        s.unbondingEnd = end;
        emit UnstakeRequested(hid, caller, amount, end);
    }

    /// @notice Withdraws an HID's unbonded PVC to its staker.
    /// @dev Requirements: the caller is the staker; something is unbonding; the unbonding period has passed.
    function withdraw(uint256 hid) external nonReentrant {
        Stake storage s = _stakes[hid];
        address caller = _msgSender();
        if (s.staker != caller) revert ProviderStakingNotStaker(hid, caller);
        uint256 amount = s.unbonding;
        if (amount == 0) revert ProviderStakingNothingToWithdraw(hid);
        if (block.timestamp < s.unbondingEnd) revert ProviderStakingStillUnbonding(s.unbondingEnd);
        s.unbonding = 0;
        if (s.amount == 0) delete _stakes[hid];
        emit Withdrawn(hid, caller, amount);
        _pvc.safeTransfer(caller, amount);
    }

    /// @notice Slashes an HID by the DAO slash rate, from stake first and then from unbonding PVC, to the treasury.
    /// @param reason a hash identifying the violation (e.g. the failed challenge).
    /// @dev Requirements: the caller has CHALLENGER_ROLE; the slashed amount is not 0.
    function slash(uint256 hid, bytes32 reason) external onlyRole(CHALLENGER_ROLE) nonReentrant returns (uint256 amount) {
        Stake storage s = _stakes[hid];
        uint256 staked = s.amount;
        amount = ((staked + s.unbonding) * _params.slashBps()) / _MAX_BPS;
        if (amount == 0) revert ProviderStakingNothingToSlash(hid);
        if (amount <= staked) {
            // amount <= staked was just checked.
            unchecked {
                s.amount = staked - amount;
            }
        } else {
            s.amount = 0;
            // amount <= staked + unbonding because slashBps <= 10000.
            s.unbonding -= amount - staked;
        }
        emit Slashed(hid, amount, reason);
        _pvc.safeTransfer(_params.treasury(), amount);
    }

    /// @notice The stake record of an HID.
    function stakeOf(uint256 hid) external view returns (Stake memory) {
        return _stakes[hid];
    }

    /// @notice Whether an HID's stake reaches the minimum of its compute type.
    function isStaked(uint256 hid) external view returns (bool) {
        uint32 computeType = _hardware.hardware(hid).computeType;
        uint256 minimum = _params.minStake(computeType);
        return minimum != 0 ? _stakes[hid].amount >= minimum : _stakes[hid].amount != 0;
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
