// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {Context} from "@openzeppelin/contracts/utils/Context.sol";
import {ERC20Burnable} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Burnable.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {HardwareRegistry} from "../assets/HardwareRegistry.sol";
import {ResourceRegistry} from "../assets/ResourceRegistry.sol";
import {RevenueRights} from "../assets/RevenueRights.sol";
import {UsageRights} from "../assets/UsageRights.sol";
import {IPowerVerseMarket} from "../interfaces/IPowerVerseMarket.sol";
import {IPowerVerseParams} from "../interfaces/IPowerVerseParams.sol";
import {ProviderStaking} from "../staking/ProviderStaking.sol";
import {PowerVerseContext} from "../utils/PowerVerseContext.sol";

/// @title ComputeMarket — UID sales into escrow, settlement at expiry, SLA refunds and RID share trades (DESIGN.md §2).
/// @notice A purchase pays the listed price into escrow for the rental period. After expiry and the dispute window
/// (in which only the challenger may settle) anyone may settle: the platform fee (after the token's discount; part
/// of it burned when paid in PVC) goes to the treasury and the rest to the VID's RID holders. Before settlement the
/// challenger may refund the buyer pro rata for proven downtime. Listing and buying require the HID's stake to be
/// at its minimum. Per token, escrowed + paid out + refunded = paid in, always.
contract ComputeMarket is AccessControl, ReentrancyGuardTransient, PowerVerseContext, IPowerVerseMarket {
    using SafeERC20 for IERC20;

    /// @notice The platform challenger: refunds buyers for proof-proven downtime; alone may settle in the dispute
    /// window.
    bytes32 public constant CHALLENGER_ROLE = keccak256("CHALLENGER_ROLE");

    uint256 private constant _MAX_BPS = 10_000;

    struct Totals {
        uint256 paidIn;
        uint256 paidOut;
        uint256 refunded;
    }

    /// @dev The stored form of a UID's order ({orderOf} returns it as an Order): two packed words and two amounts.
    /// A listing writes three slots, a purchase reads three and rewrites two, a settlement reads three and rewrites
    /// one (`refunded` is read by refunds and views only: settlement pays out `remaining`). Each packed word is
    /// written whole, in one SSTORE.
    /// `head`: the seller while listed, the buyer once bought (bits 0-159); the state (160-167); the rental's start
    /// (168-207) and end (208-247), 0 while listed (UsageRights keeps expiries in uint40: seconds to the year 36812).
    /// `terms`: the payment token (bits 0-159); the fee terms fixed at purchase, feeBps (160-175) and burnShareBps
    /// (176-191); the UID's VID (192-255), kept from the listing (a UID's VID never changes) so that settlement need
    /// not ask UsageRights. VIDs are ResourceRegistry's counter, one per `create` transaction, so they stay far below
    /// 2^64; should one not fit, 0 is kept and settlement asks.
    struct Record {
        uint256 head;
        uint256 terms;
        uint256 remaining; // the price less what was refunded
        uint256 refunded;
    }

    uint256 private constant _STATE_SHIFT = 160;
    uint256 private constant _START_SHIFT = 168;
    uint256 private constant _END_SHIFT = 208;
    uint256 private constant _FEE_SHIFT = 160;
    uint256 private constant _BURN_SHARE_SHIFT = 176;
    uint256 private constant _VID_SHIFT = 192;

    IPowerVerseParams private immutable _params;
    UsageRights private immutable _usage;
    RevenueRights private immutable _revenue;
    ERC20Burnable private immutable _pvc;
    ProviderStaking private immutable _staking;

    mapping(uint256 uid => Record order) private _orders;
    mapping(address token => Totals totals) private _totals;
    mapping(uint256 listingId => ShareListing listing) private _shareListings;
    uint256 private _lastShareListing;

    constructor(
        IPowerVerseParams params_,
        UsageRights usage_,
        RevenueRights revenue_,
        ERC20Burnable pvc_,
        ProviderStaking staking_,
        address admin,
        address forwarder
    ) PowerVerseContext(forwarder) {
        _params = params_;
        _usage = usage_;
        _revenue = revenue_;
        _pvc = pvc_;
        _staking = staking_;
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
    }

    // ---------------------------------------------------------------- usage rights

    /// @notice Lists a UID the caller owns at `price` in an accepted token (again: changes the terms).
    /// @dev Requirements: the caller owns the UID; it was never rented; the VID's RID exists; the HID's stake is at
    /// its minimum; the token is accepted; price > 0.
    function list(uint256 uid, address token, uint256 price) external {
        _list(uid, token, price);
    }

    /// @notice First listing of a VID: mints its RID to the beneficiaries (total = the revenue weight of the VID's
    /// compute type) and lists the UID. The VID's owner decides its first listing, so it must own the UID too.
    /// @dev Requirements: as {list}, except that the VID's RID must not exist yet; the caller owns the VID; the
    /// shares sum to the weight.
    function listWithRevenueRights(
        uint256 uid,
        address token,
        uint256 price,
        address[] calldata beneficiaries,
        uint256[] calldata shares
    ) external {
        address seller = _msgSender();
        if (_usage.ownerOf(uid) != seller) revert ComputeMarketNotOwner(uid, seller);
        uint256 vid = _usage.vidOf(uid);
        ResourceRegistry resources = _usage.resourceRegistry();
        if (resources.ownerOf(vid) != seller) revert ComputeMarketNotResourceOwner(vid, seller);
        HardwareRegistry hardware = resources.hardwareRegistry();
        uint32 computeType = hardware.hardware(resources.hidOf(vid)).computeType;
        _revenue.mint(vid, beneficiaries, shares, _params.revenueWeight(computeType));
        _list(uid, token, price);
    }

    /// @notice Withdraws the caller's listing of a UID.
    /// @dev Requirements: the UID is listed by the caller.
    function unlist(uint256 uid) external {
        uint256 head = _orders[uid].head;
        if (_state(head) != OrderState.Listed) revert ComputeMarketNotListed(uid);
        address caller = _msgSender();
        if (address(uint160(head)) != caller) revert ComputeMarketNotOwner(uid, caller);
        delete _orders[uid];
        emit Unlisted(uid);
    }

    /// @notice Buys a listed UID: pays `price` of `token` into escrow and becomes its user for its duration.
    /// The caller states the terms it agreed to, so a changed listing cannot charge it more.
    /// @dev Requirements: the UID is listed at exactly (`token`, `price`); the seller still owns it; the HID's
    /// stake is at its minimum; the token is still accepted; the caller approved the market for `price`; the market
    /// receives exactly `price` (a token with a fee on transfer is refused).
    function buy(uint256 uid, address token, uint256 price) external nonReentrant {
        Record storage order = _orders[uid];
        if (_state(order.head) != OrderState.Listed) revert ComputeMarketNotListed(uid);
        uint256 terms = order.terms;
        {
            address listedToken = address(uint160(terms));
            // Nothing is refunded before a purchase, so the remaining price is the listed price.
            uint256 listedPrice = order.remaining;
            if (listedToken != token || listedPrice != price) {
                revert ComputeMarketPriceChanged(listedToken, listedPrice);
            }
        }
        (bool accepted, uint16 feeBps, uint16 burnShareBps) = _params.feeTerms(token);
        if (!accepted) revert ComputeMarketTokenNotAccepted(token);
        address buyer = _msgSender();
        // UsageRights and ProviderStaking are trusted contracts of the suite: the first checks that the UID has not
        // moved since it was listed (so the seller still owns it) and records the rental (which locks the HID's stake
        // until it ends), the second reads the stake.
        (uint256 vid, uint256 hid, uint64 end) = _usage.rentTo(uid, buyer);
        if (!_staking.isStaked(hid)) revert ComputeMarketNotStaked(hid);
        // UsageRights computes the end in uint40, so it fits its 40 bits.
        order.head = _head(buyer, OrderState.Escrowed, block.timestamp, end);
        // The fee terms are 0 while listed; the token and the VID stay.
        order.terms = terms | (uint256(feeBps) << _FEE_SHIFT) | (uint256(burnShareBps) << _BURN_SHARE_SHIFT);
        _totals[token].paidIn += price;
        emit Purchased(uid, vid, buyer, token, price, end);
        // Measured, not booked: a token that delivers less than it was asked to move (a fee on transfer) is refused.
        IERC20 paid = IERC20(token);
        uint256 before = paid.balanceOf(address(this));
        paid.safeTransferFrom(buyer, address(this), price);
        uint256 received = paid.balanceOf(address(this)) - before;
        if (received != price) revert ComputeMarketTransferShortfall(token, price, received);
    }

    /// @notice Settles an expired rental: fee to the treasury (part burned when paid in PVC), the rest to the
    /// VID's RID holders, released to them over the rental's duration from settlement on. In the dispute window after
    /// the rental's end only the challenger may settle (so that downtime proven in it can still be refunded); after
    /// it anyone may.
    /// @dev Requirements: the UID's escrow exists, is not settled, and the rental has ended; before the end of the
    /// dispute window the caller has CHALLENGER_ROLE.
    function settle(uint256 uid) external nonReentrant {
        Record storage order = _orders[uid];
        uint256 head = order.head;
        OrderState state = _state(head);
        if (state == OrderState.Settled) revert ComputeMarketAlreadySettled(uid);
        if (state != OrderState.Escrowed) revert ComputeMarketNoEscrow(uid);
        uint64 end = _end(head);
        if (block.timestamp < end) revert ComputeMarketNotExpired(uid, end);
        uint64 disputeEnd = end + _params.disputeWindow();
        if (block.timestamp < disputeEnd && !hasRole(CHALLENGER_ROLE, _msgSender())) {
            revert ComputeMarketInDisputeWindow(uid, disputeEnd);
        }
        uint256 terms = order.terms;
        address token = address(uint160(terms));
        uint256 remaining = order.remaining;
        uint256 fee = (remaining * uint16(terms >> _FEE_SHIFT)) / _MAX_BPS;
        uint256 burned = token == address(_pvc) ? (fee * uint16(terms >> _BURN_SHARE_SHIFT)) / _MAX_BPS : 0;
        uint256 income = remaining - fee;
        uint256 vid = terms >> _VID_SHIFT;
        if (vid == 0) vid = _usage.vidOf(uid);
        order.head = _head(address(uint160(head)), OrderState.Settled, _start(head), end);
        _totals[token].paidOut += remaining;
        emit Settled(uid, vid, token, fee, burned, income);
        if (fee > burned) IERC20(token).safeTransfer(_params.treasury(), fee - burned);
        if (burned != 0) _pvc.burn(burned);
        // A rental lasts its UID's duration, a uint32, so the cast keeps every bit.
        if (income != 0) _payIncome(vid, IERC20(token), income, uint32(end - _start(head)));
    }

    /// @notice Refunds the buyer pro rata for `downtimeSeconds` of proof-proven downtime (SLA-backed escrow).
    /// @dev Requirements: the caller has CHALLENGER_ROLE; the escrow exists and is not settled;
    /// 0 < downtime <= duration; all refunds together do not exceed the price.
    function refund(uint256 uid, uint64 downtimeSeconds, bytes32 reason)
        external
        onlyRole(CHALLENGER_ROLE)
        nonReentrant
    {
        Record storage order = _orders[uid];
        uint256 head = order.head;
        OrderState state = _state(head);
        if (state == OrderState.Settled) revert ComputeMarketAlreadySettled(uid);
        if (state != OrderState.Escrowed) revert ComputeMarketNoEscrow(uid);
        uint256 duration = _end(head) - _start(head);
        if (downtimeSeconds == 0 || downtimeSeconds > duration) revert ComputeMarketInvalidDowntime(downtimeSeconds);
        (uint256 remaining, uint256 refundedBefore) = (order.remaining, order.refunded);
        uint256 amount = ((remaining + refundedBefore) * downtimeSeconds) / duration;
        if (amount > remaining) revert ComputeMarketInvalidDowntime(downtimeSeconds);
        // amount <= remaining was checked above, and remaining + refunded is the price, so neither can wrap.
        unchecked {
            (order.remaining, order.refunded) = (remaining - amount, refundedBefore + amount);
        }
        address token = address(uint160(order.terms));
        _totals[token].refunded += amount;
        address buyer = address(uint160(head));
        emit Refunded(uid, buyer, amount, downtimeSeconds, reason);
        IERC20(token).safeTransfer(buyer, amount);
    }

    // ---------------------------------------------------------------- revenue rights

    /// @notice Lists `amount` of the caller's RID shares of a VID at `unitPrice` per share; buyers may fill part.
    /// The shares are escrowed in place: they stay with the seller (and keep earning) but cannot move until bought
    /// or the listing is cancelled, so a listing never fills from shares that left and came back.
    /// @dev Requirements: amount > 0; unitPrice > 0; the token is accepted; the caller holds `amount` shares that
    /// are not listed already.
    function listShares(uint256 vid, uint256 amount, address token, uint256 unitPrice)
        external
        returns (uint256 listingId)
    {
        if (amount == 0) revert ComputeMarketZeroAmount();
        if (unitPrice == 0) revert ComputeMarketZeroPrice();
        _requireAccepted(token);
        address seller = _msgSender();
        uint256 available = _revenue.balanceOf(seller, vid) - _revenue.listedOf(vid, seller);
        if (available < amount) revert ComputeMarketInsufficientShares(available, amount);
        listingId = ++_lastShareListing;
        _shareListings[listingId] =
            ShareListing({seller: seller, token: token, vid: vid, remaining: amount, unitPrice: unitPrice});
        emit SharesListed(listingId, vid, seller, amount, token, unitPrice);
        _revenue.list(seller, vid, amount);
    }

    /// @notice Buys `amount` shares of a share listing at the stated terms; pays the seller directly.
    /// @dev Requirements: the listing exists with exactly (`token`, `unitPrice`); 0 < amount <= remaining; the
    /// caller approved the market for amount * unitPrice.
    function buyShares(uint256 listingId, uint256 amount, address token, uint256 unitPrice) external nonReentrant {
        ShareListing storage listing = _shareListings[listingId];
        address seller = listing.seller;
        if (seller == address(0)) revert ComputeMarketUnknownShareListing(listingId);
        if (listing.token != token || listing.unitPrice != unitPrice) {
            revert ComputeMarketPriceChanged(listing.token, listing.unitPrice);
        }
        if (amount == 0) revert ComputeMarketZeroAmount();
        uint256 remaining = listing.remaining;
        if (amount > remaining) revert ComputeMarketInsufficientShares(remaining, amount);
        uint256 vid = listing.vid;
        uint256 cost = amount * unitPrice;
        address buyer = _msgSender();
        if (amount == remaining) {
            delete _shareListings[listingId];
        } else {
            // amount < remaining was checked above.
            unchecked {
                listing.remaining = remaining - amount;
            }
        }
        emit SharesPurchased(listingId, buyer, amount, cost);
        IERC20(token).safeTransferFrom(buyer, seller, cost);
        _revenue.marketTransfer(seller, buyer, vid, amount);
    }

    /// @notice Cancels the caller's share listing and releases the shares still listed.
    /// @dev Requirements: the listing exists and the caller is its seller.
    function cancelShareListing(uint256 listingId) external {
        ShareListing storage listing = _shareListings[listingId];
        address seller = listing.seller;
        if (seller == address(0)) revert ComputeMarketUnknownShareListing(listingId);
        address caller = _msgSender();
        if (seller != caller) revert ComputeMarketNotShareSeller(listingId, caller);
        (uint256 vid, uint256 remaining) = (listing.vid, listing.remaining);
        delete _shareListings[listingId];
        emit ShareListingCancelled(listingId);
        _revenue.unlist(seller, vid, remaining);
    }

    // ---------------------------------------------------------------- views

    /// @inheritdoc IPowerVerseMarket
    function usageRights() external view returns (address) {
        return address(_usage);
    }

    /// @inheritdoc IPowerVerseMarket
    function revenueRights() external view returns (address) {
        return address(_revenue);
    }

    /// @notice The order (listing or escrow) of a UID.
    function orderOf(uint256 uid) external view returns (Order memory) {
        Record storage order = _orders[uid];
        (uint256 head, uint256 terms, uint256 refunded) = (order.head, order.terms, order.refunded);
        return Order({
            account: address(uint160(head)),
            end: _end(head),
            state: _state(head),
            token: address(uint160(terms)),
            feeBps: uint16(terms >> _FEE_SHIFT),
            burnShareBps: uint16(terms >> _BURN_SHARE_SHIFT),
            start: _start(head),
            price: order.remaining + refunded,
            refunded: refunded
        });
    }

    /// @notice A share listing (seller = 0 when filled or cancelled).
    function shareListing(uint256 listingId) external view returns (ShareListing memory) {
        return _shareListings[listingId];
    }

    /// @notice The market's money in a token: paid in, paid out (fees and income), refunded, and still escrowed.
    function totals(address token)
        external
        view
        returns (uint256 paidIn, uint256 paidOut, uint256 refunded, uint256 escrowed)
    {
        Totals memory t = _totals[token];
        return (t.paidIn, t.paidOut, t.refunded, t.paidIn - t.paidOut - t.refunded);
    }

    function _list(uint256 uid, address token, uint256 price) private {
        address seller = _msgSender();
        if (_usage.ownerOf(uid) != seller) revert ComputeMarketNotOwner(uid, seller);
        if (_usage.userExpires(uid) != 0) revert ComputeMarketAlreadyRented(uid);
        (uint256 vid, uint256 hid) = _usage.markListed(uid);
        if (!_revenue.isMinted(vid)) revert ComputeMarketRevenueRightsMissing(vid);
        if (!_staking.isStaked(hid)) revert ComputeMarketNotStaked(hid);
        if (price == 0) revert ComputeMarketZeroPrice();
        _requireAccepted(token);
        Record storage order = _orders[uid];
        order.head = _head(seller, OrderState.Listed, 0, 0);
        // No fee terms until the purchase; the VID when it fits its 64 bits, else 0 (settlement then asks).
        order.terms = uint256(uint160(token)) | (vid <= type(uint64).max ? vid << _VID_SHIFT : 0);
        order.remaining = price;
        emit Listed(uid, vid, seller, token, price);
    }

    /// @dev Measured, not booked: the RID holders are credited with what reached RevenueRights, released to them
    /// over the rental's duration from now on.
    function _payIncome(uint256 vid, IERC20 token, uint256 income, uint32 duration) private {
        uint256 before = token.balanceOf(address(_revenue));
        token.safeTransfer(address(_revenue), income);
        uint256 received = token.balanceOf(address(_revenue)) - before;
        if (received != 0) _revenue.depositIncome(vid, address(token), received, duration);
    }

    /// @dev Packs an order's head; `start` and `end` are below 2^40 (block time, and UsageRights' uint40 expiries).
    function _head(address account, OrderState state, uint256 start, uint256 end) private pure returns (uint256) {
        return uint256(uint160(account)) | (uint256(state) << _STATE_SHIFT) | (start << _START_SHIFT)
            | (end << _END_SHIFT);
    }

    function _state(uint256 head) private pure returns (OrderState) {
        return OrderState(uint8(head >> _STATE_SHIFT));
    }

    function _start(uint256 head) private pure returns (uint40) {
        return uint40(head >> _START_SHIFT);
    }

    function _end(uint256 head) private pure returns (uint40) {
        return uint40(head >> _END_SHIFT);
    }

    function _requireAccepted(address token) private view {
        (bool accepted,,) = _params.feeTerms(token);
        if (!accepted) revert ComputeMarketTokenNotAccepted(token);
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
