// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Context} from "@openzeppelin/contracts/utils/Context.sol";
import {ERC721} from "@openzeppelin/contracts/token/ERC721/ERC721.sol";
import {IERC4907} from "../interfaces/IERC4907.sol";
import {IPowerVerseAssets} from "../interfaces/IPowerVerseAssets.sol";
import {IPowerVerseMarket} from "../interfaces/IPowerVerseMarket.sol";
import {PowerVerseContext} from "../utils/PowerVerseContext.sol";
import {ResourceRegistry} from "./ResourceRegistry.sol";

/// @title UID — the right to use one VID for a period: ERC-721 with ERC-4907 (`user`, `expires`), DESIGN.md §2.
/// @notice The provider keeps the token; a sale through the market makes the buyer its user until expiry, and
/// nobody can change that user before expiry. A UID is rented once. Expiry is read at call time (no keeper).
/// At most one live UID (not yet rented, or rented and unexpired) is bound to a VID.
contract UsageRights is ERC721, PowerVerseContext, IERC4907, IPowerVerseAssets {
    ResourceRegistry private immutable _resources;
    address private immutable _deployer;
    /// @dev The ComputeMarket, bound once: it alone marks UIDs listed and sets the user of a sold UID.
    address private _market;
    uint256 private _lastId;
    mapping(uint256 uid => Binding binding) private _bindings;
    mapping(uint256 uid => Rental rental) private _rentals;
    mapping(uint256 vid => uint256 uid) private _boundUid;
    mapping(uint256 vid => uint64 end) private _earlierRentalsEnd;

    /// @dev One slot: duration (uint32 seconds = up to 136 years), expires (0 until rented; uint40 seconds reach the
    /// year 36812), the user, and whether the UID is listed — set by the market at each listing, cleared by any
    /// transfer and by the sale, so a listing never survives the UID leaving its seller (and coming back).
    struct Rental {
        uint32 duration;
        uint40 expires;
        address user;
        bool listed;
    }

    /// @dev One slot: the VID of a UID and the HID of that VID (ids are counters, far below 2^128).
    struct Binding {
        uint128 vid;
        uint128 hid;
    }

    constructor(ResourceRegistry resources_, address forwarder)
        ERC721("PowerVerse Usage Right", "UID")
        PowerVerseContext(forwarder)
    {
        _resources = resources_;
        _deployer = msg.sender;
    }

    modifier onlyMarket() {
        if (msg.sender != _market) revert UsageRightsNotMarket(msg.sender);
        _;
    }

    /// @notice Binds the ComputeMarket built on this contract, once and for good: the market's power over UIDs
    /// belongs to that contract alone and cannot be granted to any other address.
    /// @dev Requirements: the caller deployed this contract; no market is bound; `market_` is built on this
    /// contract (its usageRights() is this contract).
    function bindMarket(address market_) external {
        if (msg.sender != _deployer) revert UsageRightsNotDeployer(msg.sender);
        if (_market != address(0)) revert UsageRightsMarketBound(_market);
        if (market_.code.length == 0 || IPowerVerseMarket(market_).usageRights() != address(this)) {
            revert UsageRightsInvalidMarket(market_);
        }
        _market = market_;
        emit MarketBound(market_);
    }

    /// @notice Creates a usage right of `duration` seconds on a free VID the caller owns.
    /// @dev Requirements: the caller owns the VID; no live UID is bound to it; 0 < duration < 2^32.
    function create(uint256 vid, uint32 duration) external returns (uint256 uid) {
        address provider = _msgSender();
        if (_resources.ownerOf(vid) != provider) revert UsageRightsNotResourceOwner(vid, provider);
        if (duration == 0) revert UsageRightsZeroDuration();
        uint256 bound = _boundUid[vid];
        if (_isLive(bound)) revert UsageRightsResourceBound(vid, bound);
        // The rental of the UID bound so far has ended; remember its end, which keeps the HID's stake locked.
        uint40 ended = _rentals[bound].expires;
        if (ended > _earlierRentalsEnd[vid]) _earlierRentalsEnd[vid] = ended;
        uid = ++_lastId;
        _bindings[uid] = Binding({vid: uint128(vid), hid: uint128(_resources.hidOf(vid))});
        _rentals[uid] = Rental({duration: duration, expires: 0, user: address(0), listed: false});
        _boundUid[vid] = uid;
        _mint(provider, uid);
        emit UsageRightCreated(uid, vid, provider, duration);
    }

    /// @notice Burns a UID that was never rented, which frees its VID. The VID's owner decides its UIDs, so it may
    /// retire a UID that another account (e.g. the VID's previous owner) holds.
    /// @dev Requirements: the caller owns the UID or its VID; it was never rented.
    function retire(uint256 uid) external {
        address caller = _msgSender();
        uint256 vid = _bindings[uid].vid;
        if (_requireOwned(uid) != caller && _resources.ownerOf(vid) != caller) {
            revert UsageRightsNotOwner(uid, caller);
        }
        if (_rentals[uid].expires != 0) revert UsageRightsAlreadyRented(uid);
        if (_boundUid[vid] == uid) delete _boundUid[vid];
        _burn(uid);
        emit UsageRightRetired(uid, vid);
    }

    /// @notice Marks a UID as listed by its owner (the market calls this at each listing, after checking that the
    /// caller owns the UID). Any transfer of the UID clears the mark. Returns the UID's VID and HID.
    /// @dev Requirements: the caller is the market; the UID exists and was never rented.
    function markListed(uint256 uid) external onlyMarket returns (uint256 vid, uint256 hid) {
        _requireOwned(uid);
        Rental storage rental = _rentals[uid];
        if (rental.expires != 0) revert UsageRightsAlreadyRented(uid);
        rental.listed = true;
        Binding memory binding = _bindings[uid];
        (vid, hid) = (binding.vid, binding.hid);
    }

    /// @notice Makes `user` the user of a listed UID from now until now + its duration (the market calls this on a
    /// sale). The UID has not moved since it was listed, so its seller still owns it. Returns the UID's VID and HID.
    /// @dev Requirements: the caller is the market; the UID is listed (not transferred or rented since).
    function rentTo(uint256 uid, address user)
        external
        onlyMarket
        returns (uint256 vid, uint256 hid, uint64 expires)
    {
        Rental storage rental = _rentals[uid];
        if (!rental.listed) revert UsageRightsNotListed(uid);
        uint40 end = uint40(block.timestamp) + rental.duration;
        rental.expires = end;
        rental.user = user;
        rental.listed = false;
        Binding memory binding = _bindings[uid];
        (vid, hid, expires) = (binding.vid, binding.hid, end);
        emit UpdateUser(uid, user, expires);
    }

    /// @notice ERC-4907 setUser. Refused: the user of a UID is set by a market sale only, so that nobody but
    /// the last buyer is its user before expiry.
    /// @dev Requirements: none can be met; always reverts.
    function setUser(uint256, address, uint64) external pure {
        revert UsageRightsUserSetByMarket();
    }

    /// @notice ERC-4907: the user of a UID, or the zero address when it is not rented or has expired.
    function userOf(uint256 uid) external view returns (address) {
        Rental memory rental = _rentals[uid];
        return block.timestamp < rental.expires ? rental.user : address(0);
    }

    /// @notice ERC-4907: when the user's right ends (0 when never rented).
    function userExpires(uint256 uid) external view returns (uint256) {
        return _rentals[uid].expires;
    }

    /// @notice The rental record of a UID (vid, duration, expires, last buyer).
    /// @dev Requirements: the UID exists.
    function usageRight(uint256 uid) external view returns (UsageRight memory) {
        _requireOwned(uid);
        Rental memory rental = _rentals[uid];
        return UsageRight({vid: _bindings[uid].vid, duration: rental.duration, expires: rental.expires, user: rental.user});
    }

    /// @notice The VID of a UID.
    /// @dev Requirements: the UID exists.
    function vidOf(uint256 uid) external view returns (uint256) {
        _requireOwned(uid);
        return _bindings[uid].vid;
    }

    /// @notice The HID of a UID's VID.
    /// @dev Requirements: the UID exists.
    function hidOf(uint256 uid) external view returns (uint256) {
        _requireOwned(uid);
        return _bindings[uid].hid;
    }

    /// @notice The live UID bound to a VID, or 0 when the VID is free (scenario 2).
    function liveUidOf(uint256 vid) external view returns (uint256) {
        uint256 uid = _boundUid[vid];
        return _isLive(uid) ? uid : 0;
    }

    /// @notice The latest end of any rental of a VID (0 when it was never rented; may lie in the past).
    function rentedUntil(uint256 vid) external view returns (uint64) {
        uint64 current = _rentals[_boundUid[vid]].expires;
        uint64 earlier = _earlierRentalsEnd[vid];
        return current > earlier ? current : earlier;
    }

    /// @notice Whether a VID is rented right now.
    function isRented(uint256 vid) external view returns (bool) {
        return block.timestamp < _rentals[_boundUid[vid]].expires;
    }

    /// @notice The ComputeMarket bound to this contract (zero until bound).
    function market() external view returns (address) {
        return _market;
    }

    /// @notice The resource registry.
    function resourceRegistry() external view returns (ResourceRegistry) {
        return _resources;
    }

    /// @notice ERC-165, including ERC-4907 (0xad092b5c).
    function supportsInterface(bytes4 interfaceId) public view override returns (bool) {
        return interfaceId == type(IERC4907).interfaceId || super.supportsInterface(interfaceId);
    }

    /// @dev Any move of a UID (transfer or burn) ends its listing.
    function _update(address to, uint256 tokenId, address auth) internal override returns (address from) {
        from = super._update(to, tokenId, auth);
        if (from != address(0)) {
            Rental storage rental = _rentals[tokenId];
            if (rental.listed) rental.listed = false;
        }
    }

    /// @dev Live: minted and not burned, and either not yet rented or rented and not yet expired.
    function _isLive(uint256 uid) private view returns (bool) {
        if (uid == 0 || _ownerOf(uid) == address(0)) return false;
        uint64 expires = _rentals[uid].expires;
        return expires == 0 || block.timestamp < expires;
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
