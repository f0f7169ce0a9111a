// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {IGovernor} from "@openzeppelin/contracts/governance/IGovernor.sol";
import {PowerGovernor} from "../contracts/governance/PowerGovernor.sol";
import {PowerParams} from "../contracts/governance/PowerParams.sol";
import {PowerTimelock} from "../contracts/governance/PowerTimelock.sol";
import {IPowerVerseParams} from "../contracts/interfaces/IPowerVerseParams.sol";
import {PowerVerseCoin} from "../contracts/tokens/PowerVerseCoin.sol";
import {TestBase} from "./utils/TestBase.sol";

/// @notice PowerParams changes only through Governor (PVC votes) → TimelockController.
contract GovernanceTest is TestBase {
    PowerVerseCoin internal pvc;
    PowerTimelock internal timelock;
    PowerGovernor internal governor;
    PowerParams internal params;
    address internal voter;
    uint256 internal voterKey;
    address internal smallHolder;

    function setUp() public {
        (voter, voterKey) = makeAccount("voter");
        (smallHolder,) = makeAccount("smallHolder");
        pvc = new PowerVerseCoin(voter, address(0));
        address[] memory none = new address[](0);
        address[] memory anyone = new address[](1);
        timelock = new PowerTimelock(60, none, anyone, address(this));
        governor = new PowerGovernor(pvc, timelock, 1, 50, 0, 4);
        timelock.grantRole(timelock.PROPOSER_ROLE(), address(governor));
        timelock.grantRole(timelock.CANCELLER_ROLE(), address(governor));
        timelock.renounceRole(timelock.DEFAULT_ADMIN_ROLE(), address(this));
        params = new PowerParams(address(timelock), address(this));
        VM.prank(voter);
        pvc.delegate(voter);
        VM.prank(voter);
        pvc.transfer(smallHolder, 1 ether);
        VM.roll(block.number + 1);
    }

    function _proposal(bytes memory call)
        private
        view
        returns (address[] memory targets, uint256[] memory values, bytes[] memory calldatas)
    {
        targets = new address[](1);
        values = new uint256[](1);
        calldatas = new bytes[](1);
        targets[0] = address(params);
        calldatas[0] = call;
    }

    function _pass(bytes memory call, string memory description) private {
        (address[] memory targets, uint256[] memory values, bytes[] memory calldatas) = _proposal(call);
        VM.prank(voter);
        uint256 id = governor.propose(targets, values, calldatas, description);
        VM.roll(block.number + 2);
        VM.prank(voter);
        governor.castVote(id, 1);
        VM.roll(block.number + 51);
        assertTrue(governor.state(id) == IGovernor.ProposalState.Succeeded, "succeeded");
        bytes32 descriptionHash = keccak256(bytes(description));
        governor.queue(targets, values, calldatas, descriptionHash);
        VM.warp(block.timestamp + 61);
        governor.execute(targets, values, calldatas, descriptionHash);
        assertTrue(governor.state(id) == IGovernor.ProposalState.Executed, "executed");
    }

    function test_proposal_voteQueueExecute_changesParams() public {
        _pass(abi.encodeCall(params.addComputeType, (1, "GPU")), "add GPU");
        assertTrue(params.computeTypeExists(1), "added through governance");
        _pass(abi.encodeCall(params.setRevenueWeight, (1, 1000)), "weight");
        assertEq(params.revenueWeight(1), 1000, "weight through governance");
    }

    function test_proposal_modifyingAddOnlyType_failsAtExecution() public {
        _pass(abi.encodeCall(params.addComputeType, (1, "GPU")), "add GPU");
        (address[] memory targets, uint256[] memory values, bytes[] memory calldatas) =
            _proposal(abi.encodeCall(params.addComputeType, (1, "GPU renamed")));
        VM.prank(voter);
        uint256 id = governor.propose(targets, values, calldatas, "rename");
        VM.roll(block.number + 2);
        VM.prank(voter);
        governor.castVote(id, 1);
        VM.roll(block.number + 51);
        governor.queue(targets, values, calldatas, keccak256("rename"));
        VM.warp(block.timestamp + 61);
        VM.expectRevert(abi.encodeWithSelector(IPowerVerseParams.PowerParamsComputeTypeExists.selector, 1));
        governor.execute(targets, values, calldatas, keccak256("rename"));
    }

    function test_proposal_withoutQuorum_defeated() public {
        (address[] memory targets, uint256[] memory values, bytes[] memory calldatas) =
            _proposal(abi.encodeCall(params.addComputeType, (1, "GPU")));
        VM.prank(smallHolder);
        pvc.delegate(smallHolder);
        VM.roll(block.number + 1);
        VM.prank(smallHolder);
        uint256 id = governor.propose(targets, values, calldatas, "small");
        VM.roll(block.number + 2);
        VM.prank(smallHolder);
        governor.castVote(id, 1);
        VM.roll(block.number + 51);
        assertTrue(governor.state(id) == IGovernor.ProposalState.Defeated, "no quorum");
    }

    function test_params_directCallByAnyoneButTimelock_reverts() public {
        VM.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, voter));
        VM.prank(voter);
        params.addComputeType(1, "GPU");
        assertEq(params.owner(), address(timelock), "timelock owns the params");
    }

    function test_timelock_directScheduleByNonProposer_reverts() public {
        VM.expectRevert();
        VM.prank(voter);
        timelock.schedule(address(params), 0, "", bytes32(0), bytes32(0), 60);
        assertFalse(timelock.hasRole(timelock.DEFAULT_ADMIN_ROLE(), address(this)), "no bootstrap admin left");
    }

    function test_pvc_fixedSupplyVotesAndPermit() public {
        assertEq(pvc.totalSupply(), 1_400_000_000 ether, "1.4 billion");
        assertEq(pvc.getVotes(voter), 1_400_000_000 ether - 1 ether, "delegated votes");
        (address spender,) = makeAccount("spender");
        uint256 deadline = block.timestamp + 1 hours;
        bytes32 structHash = keccak256(
            abi.encode(
                keccak256("Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)"),
                voter,
                spender,
                5 ether,
                pvc.nonces(voter),
                deadline
            )
        );
        bytes32 digest = keccak256(abi.encodePacked("\x19\x01", pvc.DOMAIN_SEPARATOR(), structHash));
        (uint8 v, bytes32 r, bytes32 s) = VM.sign(voterKey, digest);
        pvc.permit(voter, spender, 5 ether, deadline, v, r, s);
        assertEq(pvc.allowance(voter, spender), 5 ether, "permit");
        VM.prank(voter);
        pvc.burn(1 ether);
        assertEq(pvc.totalSupply(), 1_400_000_000 ether - 1 ether, "burn lowers the supply");
    }

    function test_castVoteBySig_gaslessVote() public {
        (address[] memory targets, uint256[] memory values, bytes[] memory calldatas) =
            _proposal(abi.encodeCall(params.addComputeType, (1, "GPU")));
        VM.prank(voter);
        uint256 id = governor.propose(targets, values, calldatas, "sig");
        VM.roll(block.number + 2);
        bytes32 structHash = keccak256(
            abi.encode(governor.BALLOT_TYPEHASH(), id, uint8(1), voter, governor.nonces(voter))
        );
        (, string memory name, string memory version,,,,) = governor.eip712Domain();
        bytes32 domain = keccak256(
            abi.encode(
                keccak256("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)"),
                keccak256(bytes(name)),
                keccak256(bytes(version)),
                block.chainid,
                address(governor)
            )
        );
        (uint8 v, bytes32 r, bytes32 s) = VM.sign(voterKey, keccak256(abi.encodePacked("\x19\x01", domain, structHash)));
        governor.castVoteBySig(id, 1, voter, abi.encodePacked(r, s, v));
        assertTrue(governor.hasVoted(id, voter), "voted by signature");
    }
}

