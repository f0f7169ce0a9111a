// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title ERC-4907: rental NFT, an extension of ERC-721 (https://eips.ethereum.org/EIPS/eip-4907).
interface IERC4907 {
    /// @notice Logged when the user of an NFT is changed or expires is changed.
    event UpdateUser(uint256 indexed tokenId, address indexed user, uint64 expires);

    /// @notice Sets the user and expires of an NFT.
    function setUser(uint256 tokenId, address user, uint64 expires) external;

    /// @notice The user of an NFT; the zero address when there is none or it expired.
    function userOf(uint256 tokenId) external view returns (address);

    /// @notice The end of the user's right.
    function userExpires(uint256 tokenId) external view returns (uint256);
}
