// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {Context} from "@openzeppelin/contracts/utils/Context.sol";
import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";
import {EIP712} from "@openzeppelin/contracts/utils/cryptography/EIP712.sol";
import {HardwareRegistry} from "../assets/HardwareRegistry.sol";
import {ResourceRegistry} from "../assets/ResourceRegistry.sol";
import {UsageRights} from "../assets/UsageRights.sol";
import {IPowerVerseAssets} from "../interfaces/IPowerVerseAssets.sol";
import {IPowerVerseParams} from "../interfaces/IPowerVerseParams.sol";
import {IPowerVerseProof} from "../interfaces/IPowerVerseProof.sol";
import {PowerVerseContext} from "../utils/PowerVerseContext.sol";

/// @title ProofOfCompute — keccak-shares challenges to a VID's agent, verified on chain (DESIGN.md §2).
/// @notice A challenge for a VID may be requested by its live UID's user, its provider or the challenger. Seed =
/// keccak256(prevrandao, challengeId, vid). The agent returns `shares` strictly increasing uint64 nonces, each with
/// keccak256(seed ‖ agent ‖ nonce) (60 bytes: 32 + 20 + 8, big-endian) starting with `difficulty` zero bits, and
/// signs the EIP-712 ProofResult. Expected work = shares · 2^difficulty; verified hash rate = work / elapsed.
contract ProofOfCompute is AccessControl, EIP712, PowerVerseContext, IPowerVerseProof {
    /// @notice The platform challenger: may challenge any VID; alone submits results, with the elapsed time it
    /// observed.
    bytes32 public constant CHALLENGER_ROLE = keccak256("CHALLENGER_ROLE");

    /// @notice EIP-712 type hash of the agent's signed result.
    bytes32 public constant PROOF_RESULT_TYPEHASH = keccak256(
        "ProofResult(uint256 challengeId,uint256 vid,bytes32 seed,uint64[] nonces,uint64 startedAt,uint64 finishedAt)"
    );

    IPowerVerseParams private immutable _params;
    UsageRights private immutable _usage;
    ResourceRegistry private immutable _resources;
    HardwareRegistry private immutable _hardware;

    uint256 private _lastChallenge;
    mapping(uint256 challengeId => Challenge challenge) private _challenges;

    constructor(IPowerVerseParams params_, UsageRights usage_, address admin, address forwarder)
        EIP712("PowerVerse ProofOfCompute", "1")
        PowerVerseContext(forwarder)
    {
        _params = params_;
        _usage = usage_;
        _resources = usage_.resourceRegistry();
        _hardware = _resources.hardwareRegistry();
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
    }

    /// @notice Issues a challenge to the agent of a VID's hardware, with the latest proof parameters of its
    /// compute type.
    /// @dev Requirements: the caller is the user of the VID's live UID, the VID's owner, or has CHALLENGER_ROLE;
    /// proof parameters exist for the compute type.
    function requestChallenge(uint256 vid) external returns (uint256 challengeId) {
        address caller = _msgSender();
        if (
            _resources.ownerOf(vid) != caller && _usage.userOf(_usage.liveUidOf(vid)) != caller
                && !hasRole(CHALLENGER_ROLE, caller)
        ) revert ProofOfComputeNotAllowed(vid, caller);
        uint256 hid = _resources.hidOf(vid);
        IPowerVerseAssets.Hardware memory hw = _hardware.hardware(hid);
        (, IPowerVerseParams.ProofParams memory p) = _params.latestProofParams(hw.computeType);
        challengeId = ++_lastChallenge;
        bytes32 seed = keccak256(abi.encodePacked(block.prevrandao, challengeId, vid));
        uint64 deadline = uint64(block.timestamp) + p.deadlineSeconds;
        _challenges[challengeId] = Challenge({
            vid: vid,
            hid: hid,
            seed: seed,
            agent: hw.agent,
            issuedAt: uint64(block.timestamp),
            deadline: deadline,
            difficulty: p.difficulty,
            shares: p.shares,
            status: Status.Open,
            elapsedMs: 0
        });
        emit ChallengeRequested(challengeId, vid, caller, hw.agent, seed, p.difficulty, p.shares, deadline);
    }

    /// @notice Verifies and records an agent's result. Only the challenger submits: the agent's signature binds the
    /// result, and the elapsed time recorded is what the challenger observed (challenge sent → result received),
    /// never more than the chain saw between issue and this block. The agent's own timestamps are informational.
    /// @param observedElapsedMs the elapsed time the platform observed, in milliseconds.
    /// @dev Requirements: the caller has CHALLENGER_ROLE; observedElapsedMs > 0; the challenge is open and its
    /// deadline has not passed; exactly `shares` nonces, strictly increasing, each a valid share; `signature` is the
    /// agent's EIP-712 ProofResult signature.
    function submitResult(
        uint256 challengeId,
        uint64[] calldata nonces,
        uint64 startedAt,
        uint64 finishedAt,
        uint64 observedElapsedMs,
        bytes calldata signature
    ) external onlyRole(CHALLENGER_ROLE) {
        if (observedElapsedMs == 0) revert ProofOfComputeZeroElapsed();
        Challenge storage challenge = _challenges[challengeId];
        if (challenge.status != Status.Open) revert ProofOfComputeNotOpen(challengeId);
        if (block.timestamp > challenge.deadline) revert ProofOfComputeDeadlinePassed(challengeId, challenge.deadline);
        _verify(challengeId, challenge, nonces, startedAt, finishedAt, signature);
        uint64 elapsedMs = _boundedElapsed(challenge.issuedAt, observedElapsedMs);
        challenge.status = Status.Verified;
        challenge.elapsedMs = elapsedMs;
        uint256 work = uint256(nonces.length) << challenge.difficulty;
        emit ProofVerified(challengeId, challenge.vid, challenge.agent, work, elapsedMs, startedAt, finishedAt);
    }

    /// @notice Closes a challenge whose deadline passed without a result (the missed proof the challenger may slash).
    /// @dev Requirements: the challenge is open and its deadline has passed.
    function expire(uint256 challengeId) external {
        Challenge storage challenge = _challenges[challengeId];
        if (challenge.status != Status.Open) revert ProofOfComputeNotOpen(challengeId);
        if (block.timestamp <= challenge.deadline) {
            revert ProofOfComputeDeadlineNotPassed(challengeId, challenge.deadline);
        }
        challenge.status = Status.Expired;
        emit ChallengeExpired(challengeId, challenge.vid);
    }

    /// @notice A challenge.
    function challengeOf(uint256 challengeId) external view returns (Challenge memory) {
        return _challenges[challengeId];
    }

    /// @notice The number of challenges issued (ids are 1..count).
    function count() external view returns (uint256) {
        return _lastChallenge;
    }

    /// @notice Whether `nonce` is a valid share for (seed, agent) at `difficulty`.
    function isValidShare(bytes32 seed, address agent, uint64 nonce, uint8 difficulty) external pure returns (bool) {
        return _shareHash(seed, agent, nonce) >> (256 - uint256(difficulty)) == 0;
    }

    /// @notice The EIP-712 domain separator (name "PowerVerse ProofOfCompute", version "1").
    function domainSeparator() external view returns (bytes32) {
        return _domainSeparatorV4();
    }

    /// @dev Block times have 1 s resolution: the true elapsed time is below (submit - issue + 1) seconds.
    function _boundedElapsed(uint64 issuedAt, uint64 observedMs) private view returns (uint64) {
        uint64 bound = (uint64(block.timestamp) - issuedAt + 1) * 1000;
        return observedMs < bound ? observedMs : bound;
    }

    function _verify(
        uint256 challengeId,
        Challenge storage challenge,
        uint64[] calldata nonces,
        uint64 startedAt,
        uint64 finishedAt,
        bytes calldata signature
    ) private view {
        bytes32 seed = challenge.seed;
        address agent = challenge.agent;
        _verifyShares(seed, agent, challenge.difficulty, challenge.shares, nonces);
        bytes32 structHash = keccak256(
            abi.encode(
                PROOF_RESULT_TYPEHASH,
                challengeId,
                challenge.vid,
                seed,
                keccak256(abi.encodePacked(nonces)),
                startedAt,
                finishedAt
            )
        );
        address signer = ECDSA.recover(_hashTypedDataV4(structHash), signature);
        if (signer != agent) revert ProofOfComputeInvalidSignature(signer, agent);
    }

    function _verifyShares(bytes32 seed, address agent, uint8 difficulty, uint16 shares, uint64[] calldata nonces)
        private
        pure
    {
        if (nonces.length != shares) revert ProofOfComputeWrongShareCount(shares, nonces.length);
        uint256 shift = 256 - uint256(difficulty);
        uint64 previous;
        for (uint256 i; i < nonces.length; ++i) {
            uint64 nonce = nonces[i];
            if (i != 0 && nonce <= previous) revert ProofOfComputeNoncesNotIncreasing(i);
            if (_shareHash(seed, agent, nonce) >> shift != 0) revert ProofOfComputeInvalidShare(i, nonce);
            previous = nonce;
        }
    }

    /// @dev keccak256(seed(32) ‖ agent(20) ‖ nonce(8, big-endian)), hashed in free memory without allocating.
    function _shareHash(bytes32 seed, address agent, uint64 nonce) private pure returns (bytes32 h) {
        // solhint-disable-next-line no-inline-assembly
        assembly ("memory-safe") {
            let ptr := mload(0x40)
            mstore(ptr, seed)
            mstore(add(ptr, 32), shl(96, agent))
            mstore(add(ptr, 52), shl(192, nonce))
            h := keccak256(ptr, 60)
        }
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
