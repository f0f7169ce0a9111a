// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {Context} from "@openzeppelin/contracts/utils/Context.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {MerkleProof} from "@openzeppelin/contracts/utils/cryptography/MerkleProof.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {IPowerVerseDividends} from "../interfaces/IPowerVerseDividends.sol";
import {PowerVerseContext} from "../utils/PowerVerseContext.sol";

/// @title DividendDistributor — monthly dividend epochs claimed with Merkle proofs (DESIGN.md §2, seed 001 §8.2).
/// @notice The settler posts each month's root of (index, account, amount) and funds it in the same call. Anyone
/// may claim for an account with its proof; an account is paid at most once per epoch. Uniswap MerkleDistributor
/// pattern, keyed by account: the leaf is keccak256(abi.encodePacked(address account, uint256 amount)) (52 bytes,
/// so never mistaken for a 64-byte inner node) and pairs are hashed sorted (OpenZeppelin MerkleProof).
contract DividendDistributor is AccessControl, ReentrancyGuardTransient, PowerVerseContext, IPowerVerseDividends {
    using SafeERC20 for IERC20;

    /// @notice The platform settler: posts and funds epochs.
    bytes32 public constant SETTLER_ROLE = keccak256("SETTLER_ROLE");

    uint256 private _lastEpoch;
    mapping(uint256 epoch => Epoch data) private _epochs;
    mapping(uint256 epoch => mapping(address account => bool claimed)) private _claimed;

    constructor(address admin, address forwarder) PowerVerseContext(forwarder) {
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
    }

    /// @notice Posts an epoch's Merkle root and pulls `total` of `token` from the caller to fund it.
    /// @param period the month, as yyyymm (informational).
    /// @dev Requirements: the caller has SETTLER_ROLE; root is not zero; total < 2^96; the caller approved `total`.
    function postEpoch(uint32 period, bytes32 root, address token, uint256 total)
        external
        onlyRole(SETTLER_ROLE)
        nonReentrant
        returns (uint256 epoch)
    {
        if (root == bytes32(0)) revert DividendDistributorZeroRoot();
        if (total > type(uint96).max) revert DividendDistributorTotalTooLarge(total);
        epoch = ++_lastEpoch;
        _epochs[epoch] =
            Epoch({root: root, token: token, remaining: uint96(total), period: period, total: uint96(total)});
        emit EpochPosted(epoch, period, root, token, total);
        IERC20(token).safeTransferFrom(_msgSender(), address(this), total);
    }

    /// @notice Pays `account` its dividend of an epoch.
    /// @dev Requirements: the epoch exists; the account has not claimed it; the proof is valid; the epoch's funding
    /// covers the amount.
    function claim(uint256 epoch, address account, uint256 amount, bytes32[] calldata proof)
        external
        nonReentrant
    {
        Epoch storage e = _epochs[epoch];
        bytes32 root = e.root;
        if (root == bytes32(0)) revert DividendDistributorUnknownEpoch(epoch);
        if (_claimed[epoch][account]) revert DividendDistributorAlreadyClaimed(epoch, account);
        bytes32 leaf = keccak256(abi.encodePacked(account, amount));
        if (!MerkleProof.verifyCalldata(proof, root, leaf)) revert DividendDistributorInvalidProof();
        uint256 remaining = e.remaining;
        if (amount > remaining) revert DividendDistributorExceedsFunding(epoch);
        _claimed[epoch][account] = true;
        // amount <= remaining < 2^96 was checked above.
        unchecked {
            e.remaining = uint96(remaining - amount);
        }
        emit DividendClaimed(epoch, account, amount);
        IERC20(e.token).safeTransfer(account, amount);
    }

    /// @notice Whether an account claimed an epoch.
    function isClaimed(uint256 epoch, address account) external view returns (bool) {
        return _claimed[epoch][account];
    }

    /// @notice An epoch.
    function epochOf(uint256 epoch) external view returns (Epoch memory) {
        return _epochs[epoch];
    }

    /// @notice The number of epochs posted (ids are 1..count).
    function count() external view returns (uint256) {
        return _lastEpoch;
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
