// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {ERC2771Forwarder} from "@openzeppelin/contracts/metatx/ERC2771Forwarder.sol";
import {IPowerVerseParams} from "../contracts/interfaces/IPowerVerseParams.sol";
import {IPowerVerseProof} from "../contracts/interfaces/IPowerVerseProof.sol";
import {Fixture} from "./utils/Fixture.sol";

contract ProofTest is Fixture {
    uint256 internal vid;
    uint256 internal uid;

    function setUp() public override {
        super.setUp();
        (, vid, uid) = rentedUsage(keccak256("gpu-0"));
    }

    function _request(address requester) private returns (uint256 id) {
        VM.prank(requester);
        id = proof.requestChallenge(vid);
    }

    function _solved(uint256 id, bytes32 seed) private view returns (uint64[] memory nonces, bytes memory sig) {
        nonces = solve(seed, agent, DIFFICULTY, SHARES);
        sig = signResult(agentKey, id, vid, seed, nonces, 100, 101);
    }

    function _submit(uint256 id, bytes32 seed, uint64 observedMs) private {
        (uint64[] memory nonces, bytes memory sig) = _solved(id, seed);
        VM.prank(challenger);
        proof.submitResult(id, saltOf(id), nonces, 100, 101, observedMs, sig);
    }

    function _expectInvalid(uint256 id, uint64[] memory nonces, bytes memory revertData) private {
        VM.expectRevert(revertData);
        VM.prank(challenger);
        proof.submitResult(id, saltOf(id), nonces, 0, 0, 1, "");
    }

    // ---------------------------------------------------------------- request

    function test_requestChallenge_byUserProviderOrChallenger() public {
        uint256 id = _request(buyer);
        IPowerVerseProof.Challenge memory c = proof.challengeOf(id);
        assertTrue(c.status == IPowerVerseProof.Status.Requested, "requested");
        assertEq(c.requester, buyer, "requester");
        assertEq(c.hid, resources.hidOf(vid), "hid");
        assertEq(c.difficulty, DIFFICULTY, "difficulty from the DAO");
        assertEq(c.shares, SHARES, "shares from the DAO");
        assertEq(c.deadlineSeconds, DEADLINE, "deadline from the DAO");
        assertEq(c.seed, bytes32(0), "no seed before dispatch");
        assertEq(proof.lastRequestOf(vid, buyer), id, "the buyer's open request");
        _request(provider);
        _request(challenger);
        assertEq(proof.count(), 3, "three challenges");
    }

    function test_requestChallenge_emitsEvent() public {
        VM.expectEmit();
        emit IPowerVerseProof.ChallengeRequested(1, vid, buyer, DIFFICULTY, SHARES, DEADLINE);
        _request(buyer);
    }

    function test_requestChallenge_stranger_reverts() public {
        VM.expectRevert(abi.encodeWithSelector(IPowerVerseProof.ProofOfComputeNotAllowed.selector, vid, stranger));
        VM.prank(stranger);
        proof.requestChallenge(vid);
    }

    function test_requestChallenge_formerUserAfterExpiry_reverts() public {
        VM.warp(block.timestamp + DAY);
        VM.expectRevert(abi.encodeWithSelector(IPowerVerseProof.ProofOfComputeNotAllowed.selector, vid, buyer));
        VM.prank(buyer);
        proof.requestChallenge(vid);
    }

    function test_requestChallenge_noProofParams_reverts() public {
        params.addGpuModel(20, CPU, "EPYC", 0);
        VM.prank(provider);
        uint256 hid = hardware.register(
            20, keccak256("cpu-0"), agent, HOST_VCPUS, HOST_MEMORY_MIB, attest(agentKey, keccak256("cpu-0"), provider)
        );
        uint256 cpuVid = createResource(hid);
        VM.expectRevert(abi.encodeWithSelector(IPowerVerseParams.PowerParamsNoProofParams.selector, CPU));
        VM.prank(provider);
        proof.requestChallenge(cpuVid);
    }

    // ---------------------------------------------------------------- dispatch

    function test_dispatch_commitsSaltAndStartsTheDeadline() public {
        uint256 id = _request(buyer);
        VM.warp(block.timestamp + 5);
        VM.prevrandao(bytes32(uint256(42)));
        bytes32 entropy = keccak256(abi.encodePacked(uint256(42), id, vid));
        bytes32 saltHash = keccak256(abi.encodePacked(saltOf(id)));
        VM.expectEmit();
        emit IPowerVerseProof.ChallengeDispatched(
            id, vid, agent, entropy, saltHash, uint64(block.timestamp) + DEADLINE
        );
        bytes32 seed = dispatch(id);
        IPowerVerseProof.Challenge memory c = proof.challengeOf(id);
        assertTrue(c.status == IPowerVerseProof.Status.Open, "open");
        assertEq(c.agent, agent, "agent of the HID at dispatch");
        assertEq(c.issuedAt, block.timestamp, "issued at dispatch");
        assertEq(c.deadline, block.timestamp + DEADLINE, "deadline from dispatch");
        assertEq(c.entropy, entropy, "entropy = keccak(prevrandao, id, vid) of the dispatch block");
        assertEq(c.saltHash, saltHash, "committed salt");
        assertEq(seed, keccak256(abi.encodePacked(entropy, saltOf(id))), "seed = keccak(entropy, salt)");
        assertEq(proof.seedFor(id, saltOf(id)), seed, "seedFor agrees");
    }

    function test_dispatch_invalid_reverts() public {
        uint256 id = _request(buyer);
        VM.expectRevert(
            abi.encodeWithSelector(
                IAccessControl.AccessControlUnauthorizedAccount.selector, buyer, proof.CHALLENGER_ROLE()
            )
        );
        VM.prank(buyer);
        proof.dispatch(id, keccak256("salt"));
        VM.expectRevert(IPowerVerseProof.ProofOfComputeZeroSaltHash.selector);
        VM.prank(challenger);
        proof.dispatch(id, bytes32(0));
        dispatch(id);
        VM.expectRevert(abi.encodeWithSelector(IPowerVerseProof.ProofOfComputeNotRequested.selector, id));
        VM.prank(challenger);
        proof.dispatch(id, keccak256("salt"));
        uint256 late = _request(provider);
        VM.warp(block.timestamp + DEADLINE + 1);
        VM.expectRevert(abi.encodeWithSelector(IPowerVerseProof.ProofOfComputeNotRequested.selector, late));
        VM.prank(challenger);
        proof.dispatch(late, keccak256("salt"));
    }

    // ---------------------------------------------------------------- submit

    function test_submitResult_validShares_verified() public {
        (uint256 id, bytes32 seed) = requestAndDispatch(vid, buyer);
        VM.warp(block.timestamp + 3);
        (uint64[] memory nonces, bytes memory sig) = _solved(id, seed);
        VM.expectEmit();
        emit IPowerVerseProof.ProofVerified(id, vid, agent, uint256(SHARES) << DIFFICULTY, 1500, 100, 101);
        VM.prank(challenger);
        proof.submitResult(id, saltOf(id), nonces, 100, 101, 1500, sig);
        IPowerVerseProof.Challenge memory done = proof.challengeOf(id);
        assertTrue(done.status == IPowerVerseProof.Status.Verified, "verified");
        assertEq(done.elapsedMs, 1500, "the challenger's observed time");
        assertEq(done.seed, seed, "the seed solved, recorded");
    }

    function test_submitResult_elapsedBoundedByChain() public {
        (uint256 id, bytes32 seed) = requestAndDispatch(vid, buyer);
        VM.warp(block.timestamp + 2);
        _submit(id, seed, 60_000);
        assertEq(proof.challengeOf(id).elapsedMs, 3000, "observed 60 s > chain bound (2 + 1) s");
    }

    function test_submitResult_relayedByAgent_reverts() public {
        (uint256 id, bytes32 seed) = requestAndDispatch(vid, buyer);
        (uint64[] memory nonces, bytes memory sig) = _solved(id, seed);
        ERC2771Forwarder.ForwardRequestData memory request = signedRequest(
            agentKey,
            address(proof),
            abi.encodeCall(proof.submitResult, (id, saltOf(id), nonces, 100, 101, 1, sig)),
            uint48(block.timestamp + 1 hours)
        );
        VM.expectRevert();
        VM.prank(relayer);
        forwarder.execute(request);
        assertTrue(proof.challengeOf(id).status == IPowerVerseProof.Status.Open, "only the challenger submits");
    }

    function test_submitResult_wrongSalt_reverts() public {
        (uint256 id, bytes32 seed) = requestAndDispatch(vid, buyer);
        (uint64[] memory nonces, bytes memory sig) = _solved(id, seed);
        VM.expectRevert(abi.encodeWithSelector(IPowerVerseProof.ProofOfComputeWrongSalt.selector, id));
        VM.prank(challenger);
        proof.submitResult(id, keccak256("another salt"), nonces, 100, 101, 1, sig);
    }

    function test_submitResult_notDispatched_reverts() public {
        uint256 id = _request(buyer);
        VM.expectRevert(abi.encodeWithSelector(IPowerVerseProof.ProofOfComputeNotOpen.selector, id));
        VM.prank(challenger);
        proof.submitResult(id, saltOf(id), new uint64[](0), 0, 0, 1, "");
    }

    function test_submitResult_twice_reverts() public {
        (uint256 id, bytes32 seed) = requestAndDispatch(vid, buyer);
        _submit(id, seed, 1);
        (uint64[] memory nonces, bytes memory sig) = _solved(id, seed);
        VM.expectRevert(abi.encodeWithSelector(IPowerVerseProof.ProofOfComputeNotOpen.selector, id));
        VM.prank(challenger);
        proof.submitResult(id, saltOf(id), nonces, 100, 101, 1, sig);
    }

    function test_submitResult_afterDeadline_reverts() public {
        (uint256 id, bytes32 seed) = requestAndDispatch(vid, buyer);
        uint64 deadline = proof.challengeOf(id).deadline;
        VM.warp(deadline + 1);
        (uint64[] memory nonces, bytes memory sig) = _solved(id, seed);
        VM.expectRevert(abi.encodeWithSelector(IPowerVerseProof.ProofOfComputeDeadlinePassed.selector, id, deadline));
        VM.prank(challenger);
        proof.submitResult(id, saltOf(id), nonces, 100, 101, 1, sig);
    }

    function test_submitResult_wrongCount_reverts() public {
        (uint256 id, bytes32 seed) = requestAndDispatch(vid, buyer);
        uint64[] memory nonces = solve(seed, agent, DIFFICULTY, SHARES - 1);
        _expectInvalid(
            id,
            nonces,
            abi.encodeWithSelector(IPowerVerseProof.ProofOfComputeWrongShareCount.selector, SHARES, SHARES - 1)
        );
    }

    function test_submitResult_notIncreasing_reverts() public {
        (uint256 id, bytes32 seed) = requestAndDispatch(vid, buyer);
        uint64[] memory nonces = solve(seed, agent, DIFFICULTY, SHARES);
        nonces[5] = nonces[4];
        _expectInvalid(
            id, nonces, abi.encodeWithSelector(IPowerVerseProof.ProofOfComputeNoncesNotIncreasing.selector, 5)
        );
    }

    function test_submitResult_invalidShare_reverts() public {
        (uint256 id, bytes32 seed) = requestAndDispatch(vid, buyer);
        uint64[] memory nonces = solve(seed, agent, DIFFICULTY, SHARES);
        uint64 bad = nonces[15] + 1;
        while (proof.isValidShare(seed, agent, bad, DIFFICULTY)) ++bad;
        nonces[15] = bad;
        _expectInvalid(id, nonces, abi.encodeWithSelector(IPowerVerseProof.ProofOfComputeInvalidShare.selector, 15, bad));
    }

    function test_submitResult_sharesOfAnotherAgent_reverts() public {
        (uint256 id, bytes32 seed) = requestAndDispatch(vid, buyer);
        uint64[] memory nonces = solve(seed, stranger, DIFFICULTY, SHARES);
        uint256 firstBad;
        while (proof.isValidShare(seed, agent, nonces[firstBad], DIFFICULTY)) ++firstBad;
        _expectInvalid(
            id,
            nonces,
            abi.encodeWithSelector(IPowerVerseProof.ProofOfComputeInvalidShare.selector, firstBad, nonces[firstBad])
        );
    }

    function test_submitResult_wrongSigner_reverts() public {
        (uint256 id, bytes32 seed) = requestAndDispatch(vid, buyer);
        uint64[] memory nonces = solve(seed, agent, DIFFICULTY, SHARES);
        bytes memory sig = signResult(buyerKey, id, vid, seed, nonces, 1, 2);
        bytes32 salt = saltOf(id);
        VM.expectRevert(abi.encodeWithSelector(IPowerVerseProof.ProofOfComputeInvalidSignature.selector, buyer, agent));
        VM.prank(challenger);
        proof.submitResult(id, salt, nonces, 1, 2, 1, sig);
        // A signature over other timestamps recovers another address.
        sig = signResult(agentKey, id, vid, seed, nonces, 1, 2);
        VM.expectRevert();
        VM.prank(challenger);
        proof.submitResult(id, salt, nonces, 1, 3, 1, sig);
    }

    // ---------------------------------------------------------------- expire

    function test_expire_afterDeadline() public {
        (uint256 id,) = requestAndDispatch(vid, buyer);
        uint64 deadline = proof.challengeOf(id).deadline;
        VM.expectRevert(abi.encodeWithSelector(IPowerVerseProof.ProofOfComputeDeadlineNotPassed.selector, id, deadline));
        proof.expire(id);
        VM.warp(deadline + 1);
        VM.expectEmit();
        emit IPowerVerseProof.ChallengeExpired(id, vid);
        proof.expire(id);
        assertTrue(proof.challengeOf(id).status == IPowerVerseProof.Status.Expired, "expired");
        VM.expectRevert(abi.encodeWithSelector(IPowerVerseProof.ProofOfComputeNotOpen.selector, id));
        proof.expire(id);
    }

    function test_expire_lapsesARequestNeverDispatched() public {
        uint256 id = _request(buyer);
        uint64 window = uint64(block.timestamp) + DEADLINE;
        VM.expectRevert(abi.encodeWithSelector(IPowerVerseProof.ProofOfComputeDeadlineNotPassed.selector, id, window));
        proof.expire(id);
        VM.warp(window + 1);
        VM.expectEmit();
        emit IPowerVerseProof.ChallengeLapsed(id, vid);
        proof.expire(id);
        assertTrue(proof.challengeOf(id).status == IPowerVerseProof.Status.Lapsed, "lapsed, not missed");
    }

    // ---------------------------------------------------------------- encoding

    function test_isValidShare_matchesDesignEncoding() public view {
        bytes32 seed = keccak256("seed");
        uint64[] memory nonces = solve(seed, agent, 12, 1);
        bytes memory message = abi.encodePacked(seed, agent, nonces[0]);
        assertEq(message.length, 60, "60-byte message");
        assertTrue(uint256(keccak256(message)) >> 244 == 0, "12 leading zero bits");
        assertTrue(proof.isValidShare(seed, agent, nonces[0], 12), "contract agrees");
    }

    function test_domain_nameAndVersion() public view {
        bytes32 expected = keccak256(
            abi.encode(
                keccak256("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)"),
                keccak256("PowerVerse ProofOfCompute"),
                keccak256("1"),
                block.chainid,
                address(proof)
            )
        );
        assertEq(proof.domainSeparator(), expected, "EIP-712 domain of DESIGN.md");
    }
}
