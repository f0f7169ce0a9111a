// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title Errors and events of the DividendDistributor: monthly Merkle epochs (Uniswap MerkleDistributor pattern).
interface IPowerVerseDividends {
    /// @dev A claim reads two slots and rewrites one: `remaining` starts at the funded total and only goes down,
    /// so a claim never writes a zero slot (uint96 holds 79 billion tokens of 18 decimals, the PVC supply 56 times).
    /// `claimDeadline` is 0 until the epoch is funded.
    struct Epoch {
        bytes32 root;
        address token;
        uint96 remaining;
        uint32 period;
        uint96 total;
        uint40 claimDeadline;
        bool reclaimed;
    }

    event EpochPosted(uint256 indexed epoch, uint32 indexed period, bytes32 root, address token, uint256 total);
    event EpochFunded(uint256 indexed epoch, uint256 total, uint40 claimDeadline);
    event EpochReclaimed(uint256 indexed epoch, address indexed to, uint256 amount);
    event DividendClaimed(uint256 indexed epoch, address indexed account, uint256 amount);

    error DividendDistributorUnknownEpoch(uint256 epoch);
    error DividendDistributorZeroRoot();
    error DividendDistributorAlreadyClaimed(uint256 epoch, address account);
    error DividendDistributorInvalidProof();
    error DividendDistributorExceedsFunding(uint256 epoch);
    error DividendDistributorInvalidTotal(uint256 total);
    error DividendDistributorInvalidPeriod(uint32 period);
    error DividendDistributorAlreadyFunded(uint256 epoch);
    error DividendDistributorNotFunded(uint256 epoch);
    error DividendDistributorReclaimed(uint256 epoch);
    error DividendDistributorClaimsOpen(uint256 epoch, uint40 claimDeadline);
    error DividendDistributorInvalidClaimPeriod(uint256 claimPeriod);
    error DividendDistributorFundingShortfall(uint256 epoch, uint256 expected, uint256 received);
}
