// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title Errors and events of the DividendDistributor: monthly Merkle epochs (Uniswap MerkleDistributor pattern).
interface IPowerVerseDividends {
    /// @dev A claim reads two slots and rewrites one: `remaining` starts at the funded total and only goes down,
    /// so a claim never writes a zero slot (uint96 holds 79 billion tokens of 18 decimals, the PVC supply 56 times).
    struct Epoch {
        bytes32 root;
        address token;
        uint96 remaining;
        uint32 period;
        uint96 total;
    }

    event EpochPosted(uint256 indexed epoch, uint32 indexed period, bytes32 root, address token, uint256 total);
    event DividendClaimed(uint256 indexed epoch, address indexed account, uint256 amount);

    error DividendDistributorUnknownEpoch(uint256 epoch);
    error DividendDistributorZeroRoot();
    error DividendDistributorAlreadyClaimed(uint256 epoch, address account);
    error DividendDistributorInvalidProof();
    error DividendDistributorExceedsFunding(uint256 epoch);
    error DividendDistributorTotalTooLarge(uint256 total);
}
