// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {PowerParams} from "../contracts/governance/PowerParams.sol";
import {IPowerVerseParams} from "../contracts/interfaces/IPowerVerseParams.sol";
import {Fixture} from "./utils/Fixture.sol";

contract ParamsTest is Fixture {
    function test_addComputeType_existing_reverts() public {
        VM.expectRevert(abi.encodeWithSelector(IPowerVerseParams.PowerParamsComputeTypeExists.selector, GPU));
        params.addComputeType(GPU, "GPU v2");
    }

    function test_addComputeType_zeroOrEmpty_reverts() public {
        VM.expectRevert(IPowerVerseParams.PowerParamsZeroValue.selector);
        params.addComputeType(0, "X");
        VM.expectRevert(IPowerVerseParams.PowerParamsEmptyName.selector);
        params.addComputeType(9, "");
    }

    function test_addComputeType_new_storesAndEmits() public {
        VM.expectEmit();
        emit IPowerVerseParams.ComputeTypeAdded(7, "NPU");
        params.addComputeType(7, "NPU");
        assertTrue(params.computeTypeExists(7), "exists");
        assertEq(keccak256(bytes(params.computeTypeName(7))), keccak256("NPU"), "name");
    }

    function test_addGpuModel_existing_reverts() public {
        VM.expectRevert(abi.encodeWithSelector(IPowerVerseParams.PowerParamsGpuModelExists.selector, GTX_1050));
        params.addGpuModel(GTX_1050, GPU, "GTX 1050 Ti", 4096);
    }

    function test_addGpuModel_invalid_reverts() public {
        VM.expectRevert(abi.encodeWithSelector(IPowerVerseParams.PowerParamsGpuModelExists.selector, 0));
        params.addGpuModel(0, GPU, "zero", 1);
        VM.expectRevert(abi.encodeWithSelector(IPowerVerseParams.PowerParamsUnknownComputeType.selector, 99));
        params.addGpuModel(50, 99, "B200", 1);
        VM.expectRevert(IPowerVerseParams.PowerParamsEmptyName.selector);
        params.addGpuModel(50, GPU, "", 1);
    }

    function test_gpuModel_returnsStoredModel() public view {
        IPowerVerseParams.GpuModel memory model = params.gpuModel(H100);
        assertEq(model.computeType, GPU, "type");
        assertEq(model.memoryMiB, 81_920, "memory");
        assertEq(params.gpuModelComputeType(H100), GPU, "type view");
    }

    function test_gpuModel_unknown_reverts() public {
        VM.expectRevert(abi.encodeWithSelector(IPowerVerseParams.PowerParamsUnknownGpuModel.selector, 77));
        params.gpuModel(77);
        VM.expectRevert(abi.encodeWithSelector(IPowerVerseParams.PowerParamsUnknownGpuModel.selector, 77));
        params.gpuModelComputeType(77);
    }

    function test_addProofParams_addsVersionKeepingOld() public {
        uint32 version = params.addProofParams(GPU, 12, 32, 600);
        assertEq(version, 2, "version");
        (uint32 latest, IPowerVerseParams.ProofParams memory p) = params.latestProofParams(GPU);
        assertEq(latest, 2, "latest");
        assertEq(p.difficulty, 12, "difficulty");
        IPowerVerseParams.ProofParams memory first = params.proofParams(GPU, 1);
        assertEq(first.difficulty, DIFFICULTY, "first kept");
        assertEq(first.shares, SHARES, "first shares kept");
    }

    function test_addProofParams_invalid_reverts() public {
        VM.expectRevert(abi.encodeWithSelector(IPowerVerseParams.PowerParamsInvalidProofParams.selector, 0, 16, 300));
        params.addProofParams(GPU, 0, 16, 300);
        VM.expectRevert(abi.encodeWithSelector(IPowerVerseParams.PowerParamsInvalidProofParams.selector, 65, 16, 300));
        params.addProofParams(GPU, 65, 16, 300);
        VM.expectRevert(abi.encodeWithSelector(IPowerVerseParams.PowerParamsInvalidProofParams.selector, 8, 0, 300));
        params.addProofParams(GPU, 8, 0, 300);
        VM.expectRevert(abi.encodeWithSelector(IPowerVerseParams.PowerParamsInvalidProofParams.selector, 8, 16, 0));
        params.addProofParams(GPU, 8, 16, 0);
        VM.expectRevert(abi.encodeWithSelector(IPowerVerseParams.PowerParamsUnknownComputeType.selector, 42));
        params.addProofParams(42, 8, 16, 300);
    }

    function test_proofParams_missing_reverts() public {
        VM.expectRevert(abi.encodeWithSelector(IPowerVerseParams.PowerParamsNoProofParams.selector, CPU));
        params.latestProofParams(CPU);
        VM.expectRevert(abi.encodeWithSelector(IPowerVerseParams.PowerParamsNoProofParams.selector, GPU));
        params.proofParams(GPU, 2);
        VM.expectRevert(abi.encodeWithSelector(IPowerVerseParams.PowerParamsNoProofParams.selector, GPU));
        params.proofParams(GPU, 0);
    }

    function test_setRevenueWeight_changeable() public {
        params.setRevenueWeight(GPU, 2000);
        assertEq(params.revenueWeight(GPU), 2000, "weight");
        VM.expectRevert(IPowerVerseParams.PowerParamsZeroValue.selector);
        params.setRevenueWeight(GPU, 0);
        VM.expectRevert(abi.encodeWithSelector(IPowerVerseParams.PowerParamsUnknownComputeType.selector, 42));
        params.setRevenueWeight(42, 1);
    }

    function test_setFees_storesAndBounds() public {
        params.setFees(300, 5000);
        assertEq(params.platformFeeBps(), 300, "fee");
        assertEq(params.burnShareBps(), 5000, "burn");
        VM.expectRevert(abi.encodeWithSelector(IPowerVerseParams.PowerParamsInvalidBps.selector, 10_001));
        params.setFees(10_001, 0);
        VM.expectRevert(abi.encodeWithSelector(IPowerVerseParams.PowerParamsInvalidBps.selector, 10_001));
        params.setFees(0, 10_001);
    }

    function test_feeTerms_appliesDiscount() public view {
        (bool accepted, uint16 feeBps, uint16 burn) = params.feeTerms(address(usd));
        assertTrue(accepted, "accepted");
        assertEq(feeBps, 400, "500 bps less 20%");
        assertEq(burn, BURN_BPS, "burn");
        (accepted,,) = params.feeTerms(stranger);
        assertFalse(accepted, "unknown token");
    }

    function test_setTreasury_storesAndRefusesZero() public {
        params.setTreasury(stranger);
        assertEq(params.treasury(), stranger, "treasury");
        VM.expectRevert(IPowerVerseParams.PowerParamsZeroValue.selector);
        params.setTreasury(address(0));
    }

    function test_setAcceptedToken_storesAndBounds() public {
        params.setAcceptedToken(address(usd), false, 0);
        assertFalse(params.acceptedToken(address(usd)).accepted, "removed");
        VM.expectRevert(IPowerVerseParams.PowerParamsZeroValue.selector);
        params.setAcceptedToken(address(0), true, 0);
        VM.expectRevert(abi.encodeWithSelector(IPowerVerseParams.PowerParamsInvalidBps.selector, 10_001));
        params.setAcceptedToken(address(usd), true, 10_001);
    }

    function test_setMinStake_slash_unbonding_store() public {
        params.setMinStake(GPU, 5 ether);
        assertEq(params.minStake(GPU), 5 ether, "min");
        VM.expectRevert(abi.encodeWithSelector(IPowerVerseParams.PowerParamsUnknownComputeType.selector, 42));
        params.setMinStake(42, 1);
        params.setSlashRate(2500);
        assertEq(params.slashBps(), 2500, "slash");
        VM.expectRevert(abi.encodeWithSelector(IPowerVerseParams.PowerParamsInvalidBps.selector, 10_001));
        params.setSlashRate(10_001);
        params.setUnbondingPeriod(3 days);
        assertEq(params.unbondingSeconds(), 3 days, "unbonding");
    }

    function test_setDisputeWindow_andCooldown_storeAndBound() public {
        uint32 max = params.MAX_PERIOD_SECONDS();
        VM.expectEmit();
        emit IPowerVerseParams.DisputeWindowChanged(2 hours);
        params.setDisputeWindow(2 hours);
        assertEq(params.disputeWindow(), 2 hours, "window");
        VM.expectRevert(abi.encodeWithSelector(IPowerVerseParams.PowerParamsTooLong.selector, max + 1, max));
        params.setDisputeWindow(max + 1);
        VM.expectEmit();
        emit IPowerVerseParams.ChallengeCooldownChanged(1 hours);
        params.setChallengeCooldown(1 hours);
        assertEq(params.challengeCooldown(), 1 hours, "cooldown");
        VM.expectRevert(abi.encodeWithSelector(IPowerVerseParams.PowerParamsTooLong.selector, max + 1, max));
        params.setChallengeCooldown(max + 1);
        VM.expectRevert(
            abi.encodeWithSelector(IPowerVerseParams.PowerParamsInvalidProofParams.selector, 8, 16, max + 1)
        );
        params.addProofParams(GPU, 8, 16, max + 1);
    }

    /// @dev What a settlement reads (treasury, dispute window, longest proof deadline) and the slash rate share one
    /// slot, the unbonding period, cooldown and fees the next: each setter changes its own value only, at the widest
    /// values they take.
    function test_packedValues_eachSetterItsOwn() public {
        uint32 max = params.MAX_PERIOD_SECONDS();
        params.setTreasury(stranger);
        params.setSlashRate(10_000);
        params.setDisputeWindow(max);
        params.setUnbondingPeriod(type(uint32).max);
        params.setChallengeCooldown(max);
        params.setFees(10_000, 10_000);
        _expectParams(stranger, 10_000, max, type(uint32).max, max, 10_000, 10_000);
        params.setDisputeWindow(0);
        _expectParams(stranger, 10_000, DEADLINE, type(uint32).max, max, 10_000, 10_000);
        params.addProofParams(GPU, 8, 16, max - 1);
        _expectParams(stranger, 10_000, max - 1, type(uint32).max, max, 10_000, 10_000);
        params.setFees(1, 2);
        _expectParams(stranger, 10_000, max - 1, type(uint32).max, max, 1, 2);
        params.setTreasury(treasury);
        params.setSlashRate(3);
        _expectParams(treasury, 3, max - 1, type(uint32).max, max, 1, 2);
        params.setUnbondingPeriod(4);
        params.setChallengeCooldown(5);
        _expectParams(treasury, 3, max - 1, 4, 5, 1, 2);
    }

    function _expectParams(
        address treasury_,
        uint16 slash,
        uint32 window,
        uint32 unbonding,
        uint32 cooldown,
        uint16 fee,
        uint16 burn
    ) private view {
        assertEq(params.treasury(), treasury_, "treasury");
        assertEq(params.slashBps(), slash, "slash rate");
        assertEq(params.disputeWindow(), window, "dispute window in force");
        assertEq(params.unbondingSeconds(), unbonding, "unbonding");
        assertEq(params.challengeCooldown(), cooldown, "cooldown");
        assertEq(params.platformFeeBps(), fee, "fee");
        assertEq(params.burnShareBps(), burn, "burn share");
    }

    function test_constructor_zeroTreasury_reverts() public {
        VM.expectRevert(IPowerVerseParams.PowerParamsZeroValue.selector);
        new PowerParamsProbe();
    }

    function test_everySetter_withoutOwner_reverts() public {
        bytes memory err = abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, stranger);
        VM.startPrank(stranger);
        VM.expectRevert(err);
        params.addComputeType(9, "X");
        VM.expectRevert(err);
        params.addGpuModel(9, GPU, "X", 1);
        VM.expectRevert(err);
        params.addProofParams(GPU, 8, 16, 300);
        VM.expectRevert(err);
        params.setRevenueWeight(GPU, 1);
        VM.expectRevert(err);
        params.setFees(1, 1);
        VM.expectRevert(err);
        params.setTreasury(stranger);
        VM.expectRevert(err);
        params.setAcceptedToken(stranger, true, 0);
        VM.expectRevert(err);
        params.setMinStake(GPU, 1);
        VM.expectRevert(err);
        params.setSlashRate(1);
        VM.expectRevert(err);
        params.setUnbondingPeriod(1);
        VM.expectRevert(err);
        params.setDisputeWindow(1);
        VM.expectRevert(err);
        params.setChallengeCooldown(1);
        VM.stopPrank();
    }
}

contract PowerParamsProbe is PowerParams {
    constructor() PowerParams(msg.sender, address(0)) {}
}
