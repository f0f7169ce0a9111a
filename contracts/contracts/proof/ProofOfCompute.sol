// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {Context} from "@openzeppelin/contracts/utils/Context.sol";
import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";
import {EIP712} from "@openzeppelin/contracts/utils/cryptography/EIP712.sol";
import {HardwareRegistry} from "../assets/HardwareRegistry.sol";
import {ResourceRegistry} from "../assets/ResourceRegistry.sol";
import {UsageRights} from "../assets/UsageRights.sol";
import {IPowerVerseParams} from "../interfaces/IPowerVerseParams.sol";
import {IPowerVerseProof} from "../interfaces/IPowerVerseProof.sol";
import {PowerVerseContext} from "../utils/PowerVerseContext.sol";

/// @title ProofOfCompute — keccak-shares challenges to a VID's agent, verified on chain (DESIGN.md §2).
/// @notice A challenge for a VID may be requested by its live UID's user, its provider or the challenger: one open
/// challenge per VID and requester, and a requester other than the challenger waits the DAO's cooldown between two.
/// The challenger dispatches it, committing keccak256(salt) for a secret 32-byte salt: the seed is
/// keccak256(entropy ‖ salt) with entropy = keccak256(prevrandao ‖ challengeId ‖ vid) of the dispatch block, so no
/// agent can know it before the challenge reaches its queue. The agent returns `shares` strictly increasing uint64
/// nonces, each with keccak256(seed ‖ agent ‖ nonce) (60 bytes: 32 + 20 + 8, big-endian) starting with `difficulty`
/// zero bits, and signs the EIP-712 ProofResult. Only the challenger submits results, revealing the salt, with the
/// elapsed time it observed. Expected work = shares · 2^difficulty; verified hash rate = work / elapsed. A
/// dispatched challenge that passes its deadline without a result expires: that is the missed proof the challenger
/// may slash for; a request the challenger never dispatched lapses after the proof deadline, and slashes nothing.
contract ProofOfCompute is AccessControl, EIP712, PowerVerseContext, IPowerVerseProof {
    /// @notice The platform challenger: dispatches challenges (committing the salt), may challenge any VID without
    /// cooldown, and alone submits results, with the elapsed time it observed.
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
    mapping(uint256 vid => mapping(address requester => uint256 challengeId)) private _lastRequest;

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

    /// @notice Requests a challenge of a VID's agent, with the latest proof parameters of its compute type; the
    /// challenger dispatches it.
    /// @dev Requirements: the caller is the user of the VID's live UID, the VID's owner, or has CHALLENGER_ROLE;
    /// proof parameters exist for the compute type; the caller has no open challenge of this VID; unless it has
    /// CHALLENGER_ROLE, the DAO's cooldown has passed since its last request for this VID.
    function requestChallenge(uint256 vid) external returns (uint256 challengeId) {
        address caller = _msgSender();
        bool isChallenger = hasRole(CHALLENGER_ROLE, caller);
        if (
            _resources.ownerOf(vid) != caller && _usage.userOf(_usage.liveUidOf(vid)) != caller && !isChallenger
        ) revert ProofOfComputeNotAllowed(vid, caller);
        _requireNoOpenRequest(vid, caller, isChallenger);
        uint256 hid = _resources.hidOf(vid);
        (, IPowerVerseParams.ProofParams memory p) =
            _params.latestProofParams(_hardware.hardware(hid).computeType);
        challengeId = ++_lastChallenge;
        _lastRequest[vid][caller] = challengeId;
        Challenge storage c = _challenges[challengeId];
        c.vid = vid;
        c.hid = hid;
        c.difficulty = p.difficulty;
        c.shares = p.shares;
        c.status = Status.Requested;
        c.requester = caller;
        c.requestedAt = uint64(block.timestamp);
        c.deadlineSeconds = p.deadlineSeconds;
        emit ChallengeRequested(challengeId, vid, caller, p.difficulty, p.shares, p.deadlineSeconds);
    }

    /// @notice Dispatches a requested challenge to the VID's agent: commits the challenger's salt, fixes the entropy
    /// of this block and starts the proof deadline. The challenger then sends the agent the seed
    /// keccak256(entropy ‖ salt).
    /// @param saltHash keccak256 of the challenger's secret 32-byte salt.
    /// @dev Requirements: the caller has CHALLENGER_ROLE; the challenge is requested and has not lapsed; saltHash is
    /// not zero.
    function dispatch(uint256 challengeId, bytes32 saltHash) external onlyRole(CHALLENGER_ROLE) {
        Challenge storage c = _challenges[challengeId];
        if (c.status != Status.Requested || block.timestamp > c.requestedAt + c.deadlineSeconds) {
            revert ProofOfComputeNotRequested(challengeId);
        }
        if (saltHash == bytes32(0)) revert ProofOfComputeZeroSaltHash();
        uint256 vid = c.vid;
        address agent = _hardware.hardware(c.hid).agent;
        bytes32 entropy = keccak256(abi.encodePacked(block.prevrandao, challengeId, vid));
        uint64 deadline = uint64(block.timestamp) + c.deadlineSeconds;
        c.agent = agent;
        c.issuedAt = uint64(block.timestamp);
        c.deadline = deadline;
        c.entropy = entropy;
        c.saltHash = saltHash;
        c.status = Status.Open;
        emit ChallengeDispatched(challengeId, vid, agent, entropy, saltHash, deadline);
    }

    /// @notice Verifies and records an agent's result. Only the challenger submits, revealing its salt: the agent's
    /// signature binds the result, and the elapsed time recorded is what the challenger observed (challenge sent →
    /// result received), never more than the chain saw between dispatch and this block. The agent's own timestamps
    /// are informational.
    /// @param salt the salt committed at dispatch.
    /// @param observedElapsedMs the elapsed time the platform observed, in milliseconds.
    /// @dev Requirements: the caller has CHALLENGER_ROLE; observedElapsedMs > 0; the challenge is open and its
    /// deadline has not passed; keccak256(salt) is the committed hash; exactly `shares` nonces, strictly increasing,
    /// each a valid share for keccak256(entropy ‖ salt); `signature` is the agent's EIP-712 ProofResult signature.
    function submitResult(
        uint256 challengeId,
        bytes32 salt,
        uint64[] calldata nonces,
        uint64 startedAt,
        uint64 finishedAt,
        uint64 observedElapsedMs,
        bytes calldata signature
    ) external onlyRole(CHALLENGER_ROLE) {
        if (observedElapsedMs == 0) revert ProofOfComputeZeroElapsed();
        Challenge storage c = _challenges[challengeId];
        if (c.status != Status.Open) revert ProofOfComputeNotOpen(challengeId);
        if (block.timestamp > c.deadline) revert ProofOfComputeDeadlinePassed(challengeId, c.deadline);
        if (keccak256(abi.encodePacked(salt)) != c.saltHash) revert ProofOfComputeWrongSalt(challengeId);
        bytes32 seed = keccak256(abi.encodePacked(c.entropy, salt));
        _verify(challengeId, c, seed, nonces, startedAt, finishedAt, signature);
        uint64 elapsedMs = _boundedElapsed(c.issuedAt, observedElapsedMs);
        c.seed = seed;
        c.status = Status.Verified;
        c.elapsedMs = elapsedMs;
        uint256 work = uint256(nonces.length) << c.difficulty;
        emit ProofVerified(challengeId, c.vid, c.agent, work, elapsedMs, startedAt, finishedAt);
    }

    /// @notice Closes a challenge whose time ran out: a dispatched one past its deadline without a result expires
    /// (the missed proof the challenger may slash for); a request never dispatched within the proof deadline lapses.
    /// @dev Requirements: the challenge is open and past its deadline, or requested and past its dispatch window.
    function expire(uint256 challengeId) external {
        Challenge storage c = _challenges[challengeId];
        Status status = c.status;
        if (status == Status.Open) {
            if (block.timestamp <= c.deadline) revert ProofOfComputeDeadlineNotPassed(challengeId, c.deadline);
            c.status = Status.Expired;
            emit ChallengeExpired(challengeId, c.vid);
        } else if (status == Status.Requested) {
            uint64 window = c.requestedAt + c.deadlineSeconds;
            if (block.timestamp <= window) revert ProofOfComputeDeadlineNotPassed(challengeId, window);
            c.status = Status.Lapsed;
            emit ChallengeLapsed(challengeId, c.vid);
        } else {
            revert ProofOfComputeNotOpen(challengeId);
        }
    }

    /// @notice A challenge.
    function challengeOf(uint256 challengeId) external view returns (Challenge memory) {
        return _challenges[challengeId];
    }

    /// @notice The last challenge `requester` requested for a VID (0 when none).
    function lastRequestOf(uint256 vid, address requester) external view returns (uint256) {
        return _lastRequest[vid][requester];
    }

    /// @notice The number of challenges requested (ids are 1..count).
    function count() external view returns (uint256) {
        return _lastChallenge;
    }

    /// @notice The seed of a dispatched challenge for a salt: keccak256(entropy ‖ salt).
    function seedFor(uint256 challengeId, bytes32 salt) external view returns (bytes32) {
        return keccak256(abi.encodePacked(_challenges[challengeId].entropy, salt));
    }

    /// @notice Whether `nonce` is a valid share for (seed, agent) at `difficulty`.
    function isValidShare(bytes32 seed, address agent, uint64 nonce, uint8 difficulty) external pure returns (bool) {
        return _shareHash(seed, agent, nonce) >> (256 - uint256(difficulty)) == 0;
    }

    /// @notice The EIP-712 domain separator (name "PowerVerse ProofOfCompute", version "1").
    function domainSeparator() external view returns (bytes32) {
        return _domainSeparatorV4();
    }

    /// @dev One open challenge per VID and requester: the last one blocks while it waits for dispatch or a result
    /// within its time (after that it is closed, whether or not anyone called {expire}); then the cooldown.
    function _requireNoOpenRequest(uint256 vid, address requester, bool isChallenger) private view {
        uint256 last = _lastRequest[vid][requester];
        if (last == 0) return;
        Challenge storage c = _challenges[last];
        Status status = c.status;
        if (
            (status == Status.Requested && block.timestamp <= c.requestedAt + c.deadlineSeconds)
                || (status == Status.Open && block.timestamp <= c.deadline)
        ) revert ProofOfComputeChallengeOpen(vid, requester, last);
        if (isChallenger) return;
        uint256 until = uint256(c.requestedAt) + _params.challengeCooldown();
        if (block.timestamp < until) revert ProofOfComputeCooldown(vid, requester, until);
    }

    /// @dev Block times have 1 s resolution: the true elapsed time is below (submit - dispatch + 1) seconds.
    function _boundedElapsed(uint64 issuedAt, uint64 observedMs) private view returns (uint64) {
        uint64 bound = (uint64(block.timestamp) - issuedAt + 1) * 1000;
        return observedMs < bound ? observedMs : bound;
    }

    function _verify(
        uint256 challengeId,
        Challenge storage c,
        bytes32 seed,
        uint64[] calldata nonces,
        uint64 startedAt,
        uint64 finishedAt,
        bytes calldata signature
    ) private view {
        address agent = c.agent;
        _verifyShares(seed, agent, c.difficulty, c.shares, nonces);
        bytes32 structHash = keccak256(
            abi.encode(
                PROOF_RESULT_TYPEHASH,
                challengeId,
                c.vid,
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
