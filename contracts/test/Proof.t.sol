// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

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

    function _challenge(address requester) private returns (uint256 id, IPowerVerseProof.Challenge memory c) {
        VM.prank(requester);
        id = proof.requestChallenge(vid);
        c = proof.challengeOf(id);
    }

    function _submit(uint256 id, IPowerVerseProof.Challenge memory c, address submitter, uint64 observedMs) private {
        (uint64[] memory nonces, bytes memory sig) = _solved(id, c);
        VM.prank(submitter);
        proof.submitResult(id, nonces, 100, 101, observedMs, sig);
    }

    function _solved(uint256 id, IPowerVerseProof.Challenge memory c)
        private
        view
        returns (uint64[] memory nonces, bytes memory sig)
    {
        nonces = solve(c.seed, agent, c.difficulty, c.shares);
        sig = signResult(agentKey, id, vid, c.seed, nonces, 100, 101);
    }

    function test_requestChallenge_byUserProviderOrChallenger() public {
        VM.prevrandao(bytes32(uint256(42)));
        (uint256 id, IPowerVerseProof.Challenge memory c) = _challenge(buyer);
        assertEq(c.seed, keccak256(abi.encodePacked(uint256(42), id, vid)), "seed = keccak(prevrandao, id, vid)");
        assertEq(c.agent, agent, "agent of the HID");
        assertEq(c.difficulty, DIFFICULTY, "difficulty from the DAO");
        assertEq(c.shares, SHARES, "shares from the DAO");
        assertEq(c.deadline, block.timestamp + DEADLINE, "deadline");
        assertTrue(c.status == IPowerVerseProof.Status.Open, "open");
        _challenge(provider);
        _challenge(challenger);
        assertEq(proof.count(), 3, "three challenges");
    }

    function test_requestChallenge_emitsEvent() public {
        VM.prevrandao(bytes32(uint256(7)));
        bytes32 seed = keccak256(abi.encodePacked(uint256(7), uint256(1), vid));
        VM.expectEmit();
        emit IPowerVerseProof.ChallengeRequested(
            1, vid, buyer, agent, seed, DIFFICULTY, SHARES, uint64(block.timestamp) + DEADLINE
        );
        VM.prank(buyer);
        proof.requestChallenge(vid);
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
        uint256 hid = hardware.register(20, keccak256("cpu-0"), agent, HOST_VCPUS, HOST_MEMORY_MIB);
        uint256 cpuVid = createResource(hid);
        VM.expectRevert(abi.encodeWithSelector(IPowerVerseParams.PowerParamsNoProofParams.selector, CPU));
        VM.prank(provider);
        proof.requestChallenge(cpuVid);
    }

    function test_submitResult_validShares_verified() public {
        (uint256 id, IPowerVerseProof.Challenge memory c) = _challenge(buyer);
        VM.warp(block.timestamp + 3);
        uint64[] memory nonces = solve(c.seed, agent, c.difficulty, c.shares);
        bytes memory sig = signResult(agentKey, id, vid, c.seed, nonces, 100, 101);
        VM.expectEmit();
        emit IPowerVerseProof.ProofVerified(id, vid, agent, uint256(SHARES) << DIFFICULTY, 1500, 100, 101);
        VM.prank(challenger);
        proof.submitResult(id, nonces, 100, 101, 1500, sig);
        IPowerVerseProof.Challenge memory done = proof.challengeOf(id);
        assertTrue(done.status == IPowerVerseProof.Status.Verified, "verified");
        assertEq(done.elapsedMs, 1500, "the challenger's observed time");
    }

    function test_submitResult_elapsedBoundedByChain() public {
        (uint256 id, IPowerVerseProof.Challenge memory c) = _challenge(buyer);
        VM.warp(block.timestamp + 2);
        _submit(id, c, challenger, 60_000);
        assertEq(proof.challengeOf(id).elapsedMs, 3000, "observed 60 s > chain bound (2 + 1) s");
    }

    function test_submitResult_relayedByAgent_reverts() public {
        (uint256 id, IPowerVerseProof.Challenge memory c) = _challenge(buyer);
        uint64[] memory nonces = solve(c.seed, agent, c.difficulty, c.shares);
        bytes memory sig = signResult(agentKey, id, vid, c.seed, nonces, 1, 2);
        ERC2771Forwarder.ForwardRequestData memory request = signedRequest(
            agentKey,
            address(proof),
            abi.encodeCall(proof.submitResult, (id, nonces, 1, 2, 1, sig)),
            uint48(block.timestamp + 1 hours)
        );
        VM.expectRevert();
        VM.prank(relayer);
        forwarder.execute(request);
        assertTrue(proof.challengeOf(id).status == IPowerVerseProof.Status.Open, "only the challenger submits");
    }

    function test_submitResult_twice_reverts() public {
        (uint256 id, IPowerVerseProof.Challenge memory c) = _challenge(buyer);
        _submit(id, c, challenger, 1);
        (uint64[] memory nonces, bytes memory sig) = _solved(id, c);
        VM.expectRevert(abi.encodeWithSelector(IPowerVerseProof.ProofOfComputeNotOpen.selector, id));
        VM.prank(challenger);
        proof.submitResult(id, nonces, 100, 101, 1, sig);
    }

    function test_submitResult_afterDeadline_reverts() public {
        (uint256 id, IPowerVerseProof.Challenge memory c) = _challenge(buyer);
        VM.warp(c.deadline + 1);
        (uint64[] memory nonces, bytes memory sig) = _solved(id, c);
        VM.expectRevert(abi.encodeWithSelector(IPowerVerseProof.ProofOfComputeDeadlinePassed.selector, id, c.deadline));
        VM.prank(challenger);
        proof.submitResult(id, nonces, 100, 101, 1, sig);
    }

    function test_submitResult_wrongCount_reverts() public {
        (uint256 id, IPowerVerseProof.Challenge memory c) = _challenge(buyer);
        uint64[] memory nonces = solve(c.seed, agent, c.difficulty, c.shares - 1);
        VM.expectRevert(
            abi.encodeWithSelector(IPowerVerseProof.ProofOfComputeWrongShareCount.selector, SHARES, SHARES - 1)
        );
        VM.prank(challenger);
        proof.submitResult(id, nonces, 0, 0, 1, "");
    }

    function test_submitResult_notIncreasing_reverts() public {
        (uint256 id, IPowerVerseProof.Challenge memory c) = _challenge(buyer);
        uint64[] memory nonces = solve(c.seed, agent, c.difficulty, c.shares);
        nonces[5] = nonces[4];
        VM.expectRevert(abi.encodeWithSelector(IPowerVerseProof.ProofOfComputeNoncesNotIncreasing.selector, 5));
        VM.prank(challenger);
        proof.submitResult(id, nonces, 0, 0, 1, "");
    }

    function test_submitResult_invalidShare_reverts() public {
        (uint256 id, IPowerVerseProof.Challenge memory c) = _challenge(buyer);
        uint64[] memory nonces = solve(c.seed, agent, c.difficulty, c.shares);
        uint64 bad = nonces[15] + 1;
        while (proof.isValidShare(c.seed, agent, bad, c.difficulty)) ++bad;
        nonces[15] = bad;
        VM.expectRevert(abi.encodeWithSelector(IPowerVerseProof.ProofOfComputeInvalidShare.selector, 15, bad));
        VM.prank(challenger);
        proof.submitResult(id, nonces, 0, 0, 1, "");
    }

    function test_submitResult_sharesOfAnotherAgent_reverts() public {
        (uint256 id, IPowerVerseProof.Challenge memory c) = _challenge(buyer);
        uint64[] memory nonces = solve(c.seed, stranger, c.difficulty, c.shares);
        uint256 firstBad;
        while (proof.isValidShare(c.seed, agent, nonces[firstBad], c.difficulty)) ++firstBad;
        VM.expectRevert(
            abi.encodeWithSelector(IPowerVerseProof.ProofOfComputeInvalidShare.selector, firstBad, nonces[firstBad])
        );
        VM.prank(challenger);
        proof.submitResult(id, nonces, 0, 0, 1, "");
    }

    function test_submitResult_wrongSigner_reverts() public {
        (uint256 id, IPowerVerseProof.Challenge memory c) = _challenge(buyer);
        uint64[] memory nonces = solve(c.seed, agent, c.difficulty, c.shares);
        bytes memory sig = signResult(buyerKey, id, vid, c.seed, nonces, 1, 2);
        VM.expectRevert(abi.encodeWithSelector(IPowerVerseProof.ProofOfComputeInvalidSignature.selector, buyer, agent));
        VM.prank(challenger);
        proof.submitResult(id, nonces, 1, 2, 1, sig);
        // A signature over other timestamps recovers another address.
        sig = signResult(agentKey, id, vid, c.seed, nonces, 1, 2);
        VM.expectRevert();
        VM.prank(challenger);
        proof.submitResult(id, nonces, 1, 3, 1, sig);
    }

    function test_expire_afterDeadline() public {
        (uint256 id, IPowerVerseProof.Challenge memory c) = _challenge(buyer);
        VM.expectRevert(
            abi.encodeWithSelector(IPowerVerseProof.ProofOfComputeDeadlineNotPassed.selector, id, c.deadline)
        );
        proof.expire(id);
        VM.warp(c.deadline + 1);
        VM.expectEmit();
        emit IPowerVerseProof.ChallengeExpired(id, vid);
        proof.expire(id);
        assertTrue(proof.challengeOf(id).status == IPowerVerseProof.Status.Expired, "expired");
        VM.expectRevert(abi.encodeWithSelector(IPowerVerseProof.ProofOfComputeNotOpen.selector, id));
        proof.expire(id);
    }

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
