// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {ERC2771Context} from "@openzeppelin/contracts/metatx/ERC2771Context.sol";

/// @notice A small contract the Ethereum layer's tests deploy on a Hardhat node: events, a custom
/// error with arguments, views, state changes, Error(string) and ERC-2771 relayed calls.
contract EthereumTestMarket is ERC2771Context {
    struct Listing {
        address seller;
        uint256 price;
        bool active;
    }

    struct Order {
        address buyer;
        uint64 amount;
        bytes32 tag;
        string note;
    }

    error EthereumTestMarketListingNotActive(uint256 uid, address caller);

    event Listed(uint256 indexed uid, address indexed seller, uint256 price, string note);
    event Bumped(address indexed account, uint256 count);

    mapping(uint256 uid => Listing) private _listings;
    mapping(address account => uint256) private _counts;
    address private _lastSender;

    constructor(address trustedForwarder) ERC2771Context(trustedForwarder) {}

    /// @notice Lists `uid` at `price`; the seller is the (possibly relayed) sender.
    function list(uint256 uid, uint256 price, string calldata note) external {
        _listings[uid] = Listing({seller: _msgSender(), price: price, active: true});
        _lastSender = _msgSender();
        emit Listed(uid, _msgSender(), price, note);
    }

    /// @notice Buys an active listing. Reverts with a custom error otherwise.
    function buy(uint256 uid) external payable {
        Listing storage listing = _listings[uid];
        if (!listing.active) {
            revert EthereumTestMarketListingNotActive(uid, _msgSender());
        }
        listing.active = false;
    }

    /// @notice Counts one call per sender (used to check ordered, gap-free nonces).
    function bump() external {
        uint256 count = ++_counts[_msgSender()];
        _lastSender = _msgSender();
        emit Bumped(_msgSender(), count);
    }

    /// @notice Always reverts with Error(string).
    function fail(string calldata reason) external pure {
        revert(reason);
    }

    function listing(uint256 uid) external view returns (address seller, uint256 price, bool active) {
        Listing storage l = _listings[uid];
        return (l.seller, l.price, l.active);
    }

    function countOf(address account) external view returns (uint256) {
        return _counts[account];
    }

    function lastSender() external view returns (address) {
        return _lastSender;
    }

    /// @notice Returns its arguments unchanged: an ABI round trip through the EVM's own decoder.
    function echo(Order[] calldata orders, int24[2] calldata pair, bytes calldata blob)
        external
        pure
        returns (Order[] memory, int24[2] memory, bytes memory)
    {
        return (orders, pair, blob);
    }
}
