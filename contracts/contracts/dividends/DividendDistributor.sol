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
/// @notice One epoch per month. The settler posts the month's root of (account, amount) with the tree's total — and
/// may post again to replace it until the epoch is funded — then funds it with exactly that total. Anyone may claim
/// for an account with its proof; an account is paid at most once per epoch. After the claim deadline (the claim
/// period after funding) the settler may reclaim what is left, which closes the epoch. Uniswap MerkleDistributor
/// pattern, keyed by account: the leaf is keccak256(abi.encodePacked(address account, uint256 amount)) (52 bytes,
/// so never mistaken for a 64-byte inner node) and pairs are hashed sorted (OpenZeppelin MerkleProof).
contract DividendDistributor is AccessControl, ReentrancyGuardTransient, PowerVerseContext, IPowerVerseDividends {
    using SafeERC20 for IERC20;

    /// @notice The platform settler: posts, funds and reclaims epochs.
    bytes32 public constant SETTLER_ROLE = keccak256("SETTLER_ROLE");

    /// @notice How long after funding an epoch's claims are guaranteed to stay open.
    uint256 public immutable claimPeriod;

    uint256 private _lastEpoch;
    mapping(uint256 epoch => Epoch data) private _epochs;
    mapping(uint32 period => uint256 epoch) private _epochOfPeriod;
    /// @dev Per account, which epochs it claimed: bit `epoch % 256` of word `epoch / 256`. Epochs are monthly, so an
    /// account's claims of 21 years share one slot: only its first claim writes a zero slot.
    mapping(address account => mapping(uint256 word => uint256 bits)) private _claimed;

    /// @param claimPeriod_ seconds between an epoch's funding and the moment what is left may be reclaimed
    /// (1 second to 10 years).
    constructor(address admin, address forwarder, uint256 claimPeriod_) PowerVerseContext(forwarder) {
        if (claimPeriod_ == 0 || claimPeriod_ > 3650 days) revert DividendDistributorInvalidClaimPeriod(claimPeriod_);
        claimPeriod = claimPeriod_;
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
    }

    /// @notice Posts a month's Merkle root with the tree's total, to be funded with exactly that total. Posting
    /// the same month again before it is funded replaces its root, token and total (the epoch keeps its id).
    /// @param period the month, as yyyymm.
    /// @dev Requirements: the caller has SETTLER_ROLE; period is a month yyyymm (year 2000-9999); root is not zero;
    /// 0 < total < 2^96; the month's epoch, if posted, is not funded yet.
    function postEpoch(uint32 period, bytes32 root, address token, uint256 total)
        external
        onlyRole(SETTLER_ROLE)
        returns (uint256 epoch)
    {
        uint32 month = period % 100;
        if (period < 200_001 || period > 999_912 || month == 0 || month > 12) {
            revert DividendDistributorInvalidPeriod(period);
        }
        if (root == bytes32(0)) revert DividendDistributorZeroRoot();
        if (total == 0 || total > type(uint96).max) revert DividendDistributorInvalidTotal(total);
        epoch = _epochOfPeriod[period];
        if (epoch == 0) {
            epoch = ++_lastEpoch;
            _epochOfPeriod[period] = epoch;
        } else if (_epochs[epoch].claimDeadline != 0) {
            revert DividendDistributorAlreadyFunded(epoch);
        }
        // total < 2^96 was checked above.
        _epochs[epoch] = Epoch({
            root: root,
            token: token,
            remaining: 0,
            period: period,
            total: uint96(total),
            claimDeadline: 0,
            reclaimed: false
        });
        emit EpochPosted(epoch, period, root, token, total);
    }

    /// @notice Funds a posted epoch with exactly its total, pulled from the caller; claims open.
    /// @dev Requirements: the caller has SETTLER_ROLE; the epoch is posted and not funded; the caller approved the
    /// total; the contract receives exactly the total (a token with a fee on transfer is refused).
    function fundEpoch(uint256 epoch) external onlyRole(SETTLER_ROLE) nonReentrant {
        Epoch storage e = _epochs[epoch];
        if (e.root == bytes32(0)) revert DividendDistributorUnknownEpoch(epoch);
        if (e.claimDeadline != 0) revert DividendDistributorAlreadyFunded(epoch);
        uint96 total = e.total;
        // claimPeriod <= 10 years, so the deadline fits uint40 (seconds to the year 36812).
        uint40 deadline = uint40(block.timestamp + claimPeriod);
        e.remaining = total;
        e.claimDeadline = deadline;
        emit EpochFunded(epoch, total, deadline);
        IERC20 token = IERC20(e.token);
        uint256 before = token.balanceOf(address(this));
        token.safeTransferFrom(_msgSender(), address(this), total);
        uint256 received = token.balanceOf(address(this)) - before;
        if (received != total) revert DividendDistributorFundingShortfall(epoch, total, received);
    }

    /// @notice Pays `account` its dividend of an epoch.
    /// @dev Requirements: the epoch exists and is funded; it was not reclaimed; the account has not claimed it; the
    /// proof is valid; the epoch's funding covers the amount.
    function claim(uint256 epoch, address account, uint256 amount, bytes32[] calldata proof)
        external
        nonReentrant
    {
        Epoch storage e = _epochs[epoch];
        bytes32 root = e.root;
        if (root == bytes32(0)) revert DividendDistributorUnknownEpoch(epoch);
        mapping(uint256 word => uint256 bits) storage claimed = _claimed[account];
        uint256 withThis;
        {
            uint256 bits = claimed[epoch >> 8];
            withThis = bits | (1 << (epoch & 0xff));
            if (withThis == bits) revert DividendDistributorAlreadyClaimed(epoch, account);
        }
        bytes32 leaf = keccak256(abi.encodePacked(account, amount));
        if (!MerkleProof.verifyCalldata(proof, root, leaf)) revert DividendDistributorInvalidProof();
        (address token, uint256 remaining) = (e.token, e.remaining);
        if (amount > remaining) {
            // Only the failing path reads why: not funded yet, reclaimed, or funded below the tree's total.
            if (e.claimDeadline == 0) revert DividendDistributorNotFunded(epoch);
            if (e.reclaimed) revert DividendDistributorReclaimed(epoch);
            revert DividendDistributorExceedsFunding(epoch);
        }
        claimed[epoch >> 8] = withThis;
        // amount <= remaining < 2^96 was checked above.
        unchecked {
            e.remaining = uint96(remaining - amount);
        }
        emit DividendClaimed(epoch, account, amount);
        IERC20(token).safeTransfer(account, amount);
    }

    /// @notice Sends what is left of an epoch to `to` once its claim deadline has passed; the epoch closes.
    /// @dev Requirements: the caller has SETTLER_ROLE; the epoch is funded and not reclaimed; its claim deadline
    /// has passed.
    function reclaim(uint256 epoch, address to) external onlyRole(SETTLER_ROLE) nonReentrant returns (uint256 amount) {
        Epoch storage e = _epochs[epoch];
        uint40 deadline = e.claimDeadline;
        if (deadline == 0) revert DividendDistributorNotFunded(epoch);
        if (e.reclaimed) revert DividendDistributorReclaimed(epoch);
        if (block.timestamp < deadline) revert DividendDistributorClaimsOpen(epoch, deadline);
        amount = e.remaining;
        e.remaining = 0;
        e.reclaimed = true;
        emit EpochReclaimed(epoch, to, amount);
        if (amount != 0) IERC20(e.token).safeTransfer(to, amount);
    }

    /// @notice Whether an account claimed an epoch.
    function isClaimed(uint256 epoch, address account) external view returns (bool) {
        return (_claimed[account][epoch >> 8] >> (epoch & 0xff)) & 1 == 1;
    }

    /// @notice An epoch.
    function epochOf(uint256 epoch) external view returns (Epoch memory) {
        return _epochs[epoch];
    }

    /// @notice The epoch of a month yyyymm (0 when not posted).
    function epochOfPeriod(uint32 period) external view returns (uint256) {
        return _epochOfPeriod[period];
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
