// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title Errors and events of the DividendDistributor: monthly Merkle epochs (Uniswap MerkleDistributor pattern).
interface IPowerVerseDividends {
    struct Epoch {
        bytes32 root;
        address token;
        uint32 period;
        uint256 total;
        uint256 claimed;
    }

    event EpochPosted(uint256 indexed epoch, uint32 indexed period, bytes32 root, address token, uint256 total);
    event DividendClaimed(uint256 indexed epoch, address indexed account, uint256 amount);

    error DividendDistributorUnknownEpoch(uint256 epoch);
    error DividendDistributorZeroRoot();
    error DividendDistributorAlreadyClaimed(uint256 epoch, address account);
    error DividendDistributorInvalidProof();
    error DividendDistributorExceedsFunding(uint256 epoch);
}
