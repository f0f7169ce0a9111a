// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Context} from "@openzeppelin/contracts/utils/Context.sol";
import {ERC1155} from "@openzeppelin/contracts/token/ERC1155/ERC1155.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {IPowerVerseAssets} from "../interfaces/IPowerVerseAssets.sol";
import {IPowerVerseMarket} from "../interfaces/IPowerVerseMarket.sol";
import {PowerVerseContext} from "../utils/PowerVerseContext.sol";

/// @title RID — revenue rights: ERC-1155, id = VID, minted once at the VID's first listing (DESIGN.md §2).
/// @notice Rental income of a VID is paid pro rata to its holders through a pull-based accumulator: income per
/// share grows as income is released, and every balance change first books what the old balance had earned, so
/// claims are O(1) and exact when shares are transferred or traded. Income accrues over time, as in Synthetix's
/// StakingRewards: a settled rental's income is released linearly over the rental's duration, starting at
/// settlement (what an earlier stream has not released yet rolls into the new one), so a holder earns in proportion
/// to how long it holds its shares, and shares bought just before a settlement do not take the period's income.
/// Shares listed for sale on the market are escrowed in place: they stay with the seller and keep earning, but
/// cannot move until bought or unlisted, so a listing never outlives the shares behind it.
/// @dev Exactness: each release takes floor(unreleased * (now - last release) / (end - last release)) of the stream,
/// which is linear in time up to rounding and releases all of it at its end. The accumulator is
/// floor(released * SCALE / supply) of the total released so far and its carry the remainder (the supply never
/// changes after the mint), so accumulator * supply + carry = released * SCALE at all times; only that total is
/// stored. An account earns floor(balance * Δaccumulator / SCALE) per booking. Summed over holders that never
/// exceeds the deposits.
contract RevenueRights is ERC1155, ReentrancyGuardTransient, PowerVerseContext, IPowerVerseAssets {
    using SafeERC20 for IERC20;

    /// @notice Fixed-point scale of the income-per-share accumulator.
    uint256 public constant SCALE = 1e18;

    /// @dev What {pool} returns: the accumulator (as of the last release), its carry, the totals, and the stream
    /// being released: what it has not released yet, when it last released, and when it ends.
    struct Pool {
        uint256 perShare;
        uint256 carry;
        uint256 deposited;
        uint256 claimed;
        uint96 streamRemaining;
        uint40 streamUpdated;
        uint40 streamEnd;
    }

    /// @dev Per VID and token, as stored: the total released so far (the accumulator and its carry follow from it),
    /// the total claimed, and the stream in one slot.
    struct Income {
        uint256 released;
        uint256 claimed;
        Stream stream;
    }

    /// @dev One slot: what the stream has not released yet (uint96: 79 billion tokens of 18 decimals), when it last
    /// released, when it ends, and whether income in this token was ever deposited (it is in incomeTokens).
    struct Stream {
        uint96 remaining;
        uint40 updated;
        uint40 end;
        bool known;
    }

    address private immutable _deployer;
    /// @dev The ComputeMarket, bound once: it alone mints at first listing, deposits income, lists shares and moves
    /// them on a sale.
    address private _market;
    mapping(uint256 vid => uint256 supply) private _supply;
    mapping(uint256 vid => address[] tokens) private _incomeTokens;
    mapping(uint256 vid => mapping(address token => Income income)) private _incomes;
    mapping(uint256 vid => mapping(address token => mapping(address account => uint256 perShare))) private _booked;
    mapping(uint256 vid => mapping(address token => mapping(address account => uint256 amount))) private _owed;
    mapping(uint256 vid => mapping(address account => uint256 amount)) private _listed;

    constructor(address forwarder) ERC1155("") PowerVerseContext(forwarder) {
        _deployer = msg.sender;
    }

    modifier onlyMarket() {
        if (msg.sender != _market) revert RevenueRightsNotMarket(msg.sender);
        _;
    }

    /// @notice Binds the ComputeMarket built on this contract, once and for good: the market's power over RIDs and
    /// income belongs to that contract alone and cannot be granted to any other address.
    /// @dev Requirements: the caller deployed this contract; no market is bound; `market_` is built on this
    /// contract (its revenueRights() is this contract).
    function bindMarket(address market_) external {
        if (msg.sender != _deployer) revert RevenueRightsNotDeployer(msg.sender);
        if (_market != address(0)) revert RevenueRightsMarketBound(_market);
        if (market_.code.length == 0 || IPowerVerseMarket(market_).revenueRights() != address(this)) {
            revert RevenueRightsInvalidMarket(market_);
        }
        _market = market_;
        emit MarketBound(market_);
    }

    /// @notice Mints the revenue rights of a VID, once, to the beneficiaries the provider named.
    /// @param totalShares the revenue weight of the VID's compute type (read by the market at mint).
    /// @dev Requirements: the caller is the market; the VID has no RID yet; the shares sum to `totalShares` > 0.
    function mint(uint256 vid, address[] calldata beneficiaries, uint256[] calldata shares, uint256 totalShares)
        external
        onlyMarket
    {
        if (_supply[vid] != 0) revert RevenueRightsAlreadyMinted(vid);
        if (beneficiaries.length != shares.length || beneficiaries.length == 0) {
            revert RevenueRightsInvalidShares(totalShares, 0);
        }
        uint256 sum;
        for (uint256 i; i < shares.length; ++i) {
            sum += shares[i];
        }
        if (sum != totalShares || sum == 0) revert RevenueRightsInvalidShares(totalShares, sum);
        _supply[vid] = sum;
        for (uint256 i; i < beneficiaries.length; ++i) {
            _mint(beneficiaries[i], vid, shares[i], "");
        }
        emit RevenueRightsMinted(vid, beneficiaries, shares);
    }

    /// @notice Books `amount` of `token`, already transferred to this contract, as income of a VID's holders,
    /// released linearly over `duration` seconds from now together with whatever an earlier stream of the VID has not
    /// released yet (at once when `duration` is 0).
    /// @param duration the rental's duration (the market passes end - start of the settled rental).
    /// @dev Requirements: the caller is the market; the VID's RID exists; amount > 0; the stream stays below 2^96.
    function depositIncome(uint256 vid, address token, uint256 amount, uint32 duration) external onlyMarket {
        Income storage income = _incomes[vid][token];
        Stream memory stream = income.stream;
        if (!stream.known) {
            // A known token had a deposit, which found the RID minted; a supply never goes back to 0.
            if (_supply[vid] == 0) revert RevenueRightsNotMinted(vid);
            _incomeTokens[vid].push(token);
        }
        if (amount == 0) revert RevenueRightsZeroIncome();
        // What the earlier stream owes by now is released; its rest rolls into the new stream.
        uint256 due = _releasable(stream);
        uint256 total = stream.remaining - due + amount;
        if (duration == 0) {
            income.stream = Stream({remaining: 0, updated: 0, end: 0, known: true});
            income.released += due + total;
        } else {
            if (due != 0) income.released += due;
            uint40 now_ = uint40(block.timestamp);
            income.stream =
                Stream({remaining: SafeCast.toUint96(total), updated: now_, end: now_ + duration, known: true});
        }
        emit IncomeDeposited(vid, token, amount);
    }

    /// @notice Escrows `amount` of `account`'s shares of a VID for a market listing: they keep earning for the
    /// account but cannot be transferred until sold or released.
    /// @dev Requirements: the caller is the market; the account holds `amount` shares that are not listed yet.
    function list(address account, uint256 vid, uint256 amount) external onlyMarket {
        uint256 listed = _listed[vid][account] + amount;
        uint256 balance = balanceOf(account, vid);
        if (listed > balance) revert RevenueRightsSharesListed(vid, account, balance, listed);
        _listed[vid][account] = listed;
    }

    /// @notice Releases `amount` of `account`'s listed shares of a VID (a cancelled listing).
    /// @dev Requirements: the caller is the market; `amount` of the account's shares are listed.
    function unlist(address account, uint256 vid, uint256 amount) external onlyMarket {
        _listed[vid][account] -= amount;
    }

    /// @notice Moves listed shares from a seller to a buyer on a market sale.
    /// @dev Requirements: the caller is the market; `amount` of `from`'s shares are listed.
    function marketTransfer(address from, address to, uint256 vid, uint256 amount) external onlyMarket {
        _listed[vid][from] -= amount;
        _safeTransferFrom(from, to, vid, amount, "");
    }

    /// @notice Pays the caller what its shares of a VID earned in `token` (released income only).
    /// @dev Requirements: the amount owed is not 0.
    function claim(uint256 vid, address token) external nonReentrant returns (uint256 amount) {
        address account = _msgSender();
        Income storage income = _incomes[vid][token];
        uint256 perShare = _release(income, _supply[vid]);
        uint256 booked = _booked[vid][token][account];
        uint256 owed = _owed[vid][token][account];
        amount = owed + (balanceOf(account, vid) * (perShare - booked)) / SCALE;
        if (amount == 0) revert RevenueRightsNothingToClaim(vid, token, account);
        // Book and pay in one step: only the slots that change are written.
        if (booked != perShare) _booked[vid][token][account] = perShare;
        if (owed != 0) _owed[vid][token][account] = 0;
        income.claimed += amount;
        emit IncomeClaimed(vid, token, account, amount);
        IERC20(token).safeTransfer(account, amount);
    }

    /// @notice What `account` can claim from a VID in `token` now.
    function claimable(uint256 vid, address token, address account) external view returns (uint256) {
        uint256 earned = (balanceOf(account, vid) * (perShareNow(vid, token) - _booked[vid][token][account])) / SCALE;
        return _owed[vid][token][account] + earned;
    }

    /// @notice The accumulator of a VID's income in `token` as of now (what has been released per share, scaled).
    function perShareNow(uint256 vid, address token) public view returns (uint256) {
        Income storage income = _incomes[vid][token];
        return _perShare(income.released + _releasable(income.stream), _supply[vid]);
    }

    /// @notice How much of a VID's income in `token` is released (claimable by its holders, or claimed) by now.
    function released(uint256 vid, address token) external view returns (uint256) {
        Income storage income = _incomes[vid][token];
        return income.released + _releasable(income.stream);
    }

    /// @notice How many of `account`'s shares of a VID are listed on the market (and cannot move until sold).
    function listedOf(uint256 vid, address account) external view returns (uint256) {
        return _listed[vid][account];
    }

    /// @notice The total shares of a VID (0 before its first listing).
    function totalSupply(uint256 vid) external view returns (uint256) {
        return _supply[vid];
    }

    /// @notice Whether the VID's RID was minted.
    function isMinted(uint256 vid) external view returns (bool) {
        return _supply[vid] != 0;
    }

    /// @notice The tokens a VID has received income in.
    function incomeTokens(uint256 vid) external view returns (address[] memory) {
        return _incomeTokens[vid];
    }

    /// @notice The income pool of a VID in a token: accumulator, carry, deposited and claimed totals.
    function pool(uint256 vid, address token) external view returns (Pool memory) {
        Income storage income = _incomes[vid][token];
        (uint256 releasedSoFar, Stream memory stream) = (income.released, income.stream);
        uint256 supply = _supply[vid];
        return Pool({
            perShare: _perShare(releasedSoFar, supply),
            carry: supply == 0 ? 0 : (releasedSoFar * SCALE) % supply,
            deposited: releasedSoFar + stream.remaining,
            claimed: income.claimed,
            streamRemaining: stream.remaining,
            streamUpdated: stream.updated,
            streamEnd: stream.end
        });
    }

    /// @notice The ComputeMarket bound to this contract (zero until bound).
    function market() external view returns (address) {
        return _market;
    }

    /// @dev Books both sides' earnings at their old balances before any balance changes; listed shares stay put.
    function _update(address from, address to, uint256[] memory ids, uint256[] memory values) internal override {
        for (uint256 i; i < ids.length; ++i) {
            uint256 vid = ids[i];
            if (from != address(0)) {
                uint256 listed = _listed[vid][from];
                uint256 balance = balanceOf(from, vid);
                if (listed != 0 && balance < listed + values[i]) {
                    revert RevenueRightsSharesListed(vid, from, balance, listed + values[i]);
                }
            }
            address[] storage tokens = _incomeTokens[vid];
            uint256 supply = _supply[vid];
            for (uint256 t; t < tokens.length; ++t) {
                address token = tokens[t];
                uint256 perShare = _release(_incomes[vid][token], supply);
                if (from != address(0)) _book(vid, token, from, balanceOf(from, vid), perShare);
                if (to != address(0)) _book(vid, token, to, balanceOf(to, vid), perShare);
            }
        }
        super._update(from, to, ids, values);
    }

    /// @dev Releases what the stream owes by now; returns the accumulator after it (0 for a VID without RID, which
    /// has no income).
    function _release(Income storage income, uint256 supply) private returns (uint256 perShare) {
        Stream memory stream = income.stream;
        uint256 releasedSoFar = income.released;
        uint256 due = _releasable(stream);
        if (due != 0) {
            // due <= remaining, so the difference fits the same uint96.
            (income.stream.remaining, income.stream.updated) = (uint96(stream.remaining - due), uint40(block.timestamp));
            releasedSoFar += due;
            income.released = releasedSoFar;
        }
        return _perShare(releasedSoFar, supply);
    }

    /// @dev The accumulator for a total released: floor(released * SCALE / supply).
    function _perShare(uint256 releasedSoFar, uint256 supply) private pure returns (uint256) {
        return supply == 0 ? 0 : (releasedSoFar * SCALE) / supply;
    }

    /// @dev floor(remaining * (now - last release) / (end - last release)), all of it once the end is reached.
    function _releasable(Stream memory stream) private view returns (uint256) {
        uint256 remaining = stream.remaining;
        if (remaining == 0) return 0;
        uint256 end = stream.end;
        if (block.timestamp >= end) return remaining;
        uint256 last = stream.updated;
        return (remaining * (block.timestamp - last)) / (end - last);
    }

    function _book(uint256 vid, address token, address account, uint256 balance, uint256 perShare) private {
        uint256 booked = _booked[vid][token][account];
        if (perShare == booked) return;
        _booked[vid][token][account] = perShare;
        if (balance != 0) _owed[vid][token][account] += (balance * (perShare - booked)) / SCALE;
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
