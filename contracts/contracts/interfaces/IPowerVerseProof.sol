// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title Errors and events of ProofOfCompute, the keccak-shares proof of DESIGN.md §2.
interface IPowerVerseProof {
    enum Status {
        None,
        Open,
        Verified,
        Expired
    }

    struct Challenge {
        uint256 vid;
        uint256 hid;
        bytes32 seed;
        address agent;
        uint64 issuedAt;
        uint64 deadline;
        uint8 difficulty;
        uint16 shares;
        Status status;
        uint64 elapsedMs;
    }

    event ChallengeRequested(
        uint256 indexed challengeId,
        uint256 indexed vid,
        address indexed requester,
        address agent,
        bytes32 seed,
        uint8 difficulty,
        uint16 shares,
        uint64 deadline
    );
    event ProofVerified(
        uint256 indexed challengeId,
        uint256 indexed vid,
        address indexed agent,
        uint256 work,
        uint64 elapsedMs,
        uint64 startedAt,
        uint64 finishedAt
    );
    event ChallengeExpired(uint256 indexed challengeId, uint256 indexed vid);

    error ProofOfComputeNotAllowed(uint256 vid, address caller);
    error ProofOfComputeNotOpen(uint256 challengeId);
    error ProofOfComputeDeadlinePassed(uint256 challengeId, uint64 deadline);
    error ProofOfComputeDeadlineNotPassed(uint256 challengeId, uint64 deadline);
    error ProofOfComputeWrongShareCount(uint256 expected, uint256 actual);
    error ProofOfComputeNoncesNotIncreasing(uint256 index);
    error ProofOfComputeInvalidShare(uint256 index, uint64 nonce);
    error ProofOfComputeInvalidSignature(address recovered, address agent);
    error ProofOfComputeZeroElapsed();
}
