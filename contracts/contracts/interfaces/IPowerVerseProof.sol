// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title Errors and events of ProofOfCompute, the keccak-shares proof of DESIGN.md §2.
interface IPowerVerseProof {
    /// @dev Lifecycle: Requested → (dispatch) Open → Verified, or Expired past the deadline; a request never
    /// dispatched becomes Lapsed. (Requested and Lapsed were added after the first three, hence their values.)
    enum Status {
        None,
        Open,
        Verified,
        Expired,
        Requested,
        Lapsed
    }

    /// @dev `seed` is 0 until the result is verified; then the seed the agent solved, keccak256(entropy ‖ salt).
    /// `agent`, `issuedAt`, `deadline`, `entropy` and `saltHash` are set at dispatch.
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
        address requester;
        uint64 requestedAt;
        uint32 deadlineSeconds;
        bytes32 entropy;
        bytes32 saltHash;
    }

    event ChallengeRequested(
        uint256 indexed challengeId,
        uint256 indexed vid,
        address indexed requester,
        uint8 difficulty,
        uint16 shares,
        uint32 deadlineSeconds
    );
    event ChallengeDispatched(
        uint256 indexed challengeId,
        uint256 indexed vid,
        address indexed agent,
        bytes32 entropy,
        bytes32 saltHash,
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
    event ChallengeLapsed(uint256 indexed challengeId, uint256 indexed vid);

    error ProofOfComputeNotAllowed(uint256 vid, address caller);
    error ProofOfComputeNotOpen(uint256 challengeId);
    error ProofOfComputeNotRequested(uint256 challengeId);
    error ProofOfComputeDeadlinePassed(uint256 challengeId, uint64 deadline);
    error ProofOfComputeDeadlineNotPassed(uint256 challengeId, uint64 deadline);
    error ProofOfComputeWrongShareCount(uint256 expected, uint256 actual);
    error ProofOfComputeNoncesNotIncreasing(uint256 index);
    error ProofOfComputeInvalidShare(uint256 index, uint64 nonce);
    error ProofOfComputeInvalidSignature(address recovered, address agent);
    error ProofOfComputeZeroElapsed();
    error ProofOfComputeZeroSaltHash();
    error ProofOfComputeWrongSalt(uint256 challengeId);
    error ProofOfComputeChallengeOpen(uint256 vid, address requester, uint256 challengeId);
    error ProofOfComputeCooldown(uint256 vid, address requester, uint256 until);
}
