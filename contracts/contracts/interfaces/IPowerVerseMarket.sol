// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title Errors, events and contract links of the ComputeMarket: UID listings, escrowed purchases, settlement,
/// SLA refunds, RID trades.
interface IPowerVerseMarket {
    enum OrderState {
        None,
        Listed,
        Escrowed,
        Settled
    }

    /// @dev One record per UID, from listing to escrow (what orderOf returns; the market stores it packed, so that
    /// a purchase rewrites two slots and a settlement reads three).
    struct Order {
        address account; // the seller while listed, the buyer once bought
        uint64 end; // rental end (0 while listed)
        OrderState state;
        address token;
        uint16 feeBps; // platform fee after the token's discount, fixed at purchase
        uint16 burnShareBps; // burned share of the fee, fixed at purchase
        uint64 start;
        uint256 price;
        uint256 refunded;
    }

    struct ShareListing {
        address seller;
        address token;
        uint256 vid;
        uint256 remaining;
        uint256 unitPrice;
    }

    event Listed(uint256 indexed uid, uint256 indexed vid, address indexed seller, address token, uint256 price);
    event Unlisted(uint256 indexed uid);
    event Purchased(
        uint256 indexed uid, uint256 indexed vid, address indexed buyer, address token, uint256 price, uint64 expires
    );
    event Settled(
        uint256 indexed uid, uint256 indexed vid, address token, uint256 fee, uint256 burned, uint256 income
    );
    event Refunded(uint256 indexed uid, address indexed buyer, uint256 amount, uint64 downtimeSeconds, bytes32 reason);
    event SharesListed(
        uint256 indexed listingId, uint256 indexed vid, address indexed seller, uint256 amount, address token,
        uint256 unitPrice
    );
    event SharesPurchased(uint256 indexed listingId, address indexed buyer, uint256 amount, uint256 cost);
    event ShareListingCancelled(uint256 indexed listingId);

    /// @notice The UsageRights contract the market sells (it binds to this market once).
    function usageRights() external view returns (address);

    /// @notice The RevenueRights contract the market pays income to (it binds to this market once).
    function revenueRights() external view returns (address);

    error ComputeMarketNotOwner(uint256 uid, address caller);
    error ComputeMarketTokenNotAccepted(address token);
    error ComputeMarketZeroPrice();
    error ComputeMarketAlreadyRented(uint256 uid);
    error ComputeMarketNotListed(uint256 uid);
    error ComputeMarketPriceChanged(address expectedToken, uint256 expectedPrice);
    error ComputeMarketNoEscrow(uint256 uid);
    error ComputeMarketNotExpired(uint256 uid, uint64 end);
    error ComputeMarketAlreadySettled(uint256 uid);
    error ComputeMarketInvalidDowntime(uint64 downtimeSeconds);
    error ComputeMarketRevenueRightsMissing(uint256 vid);
    error ComputeMarketZeroAmount();
    error ComputeMarketInsufficientShares(uint256 available, uint256 requested);
    error ComputeMarketNotShareSeller(uint256 listingId, address caller);
    error ComputeMarketUnknownShareListing(uint256 listingId);
    error ComputeMarketNotStaked(uint256 hid);
    error ComputeMarketNotResourceOwner(uint256 vid, address caller);
    error ComputeMarketTransferShortfall(address token, uint256 expected, uint256 received);
    error ComputeMarketInDisputeWindow(uint256 uid, uint64 disputeEnd);
}
