// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IPowerVerseAssets} from "../contracts/interfaces/IPowerVerseAssets.sol";
import {IPowerVerseProof} from "../contracts/interfaces/IPowerVerseProof.sol";
import {Fixture} from "./utils/Fixture.sol";
import {RevenueCheck} from "./utils/RevenueCheck.sol";

/// @notice Seed 000's five scenarios (业务场景), one test each; every step is named after the scenario line it covers.
contract Seed000ScenariosTest is Fixture {
    uint256 internal hid;
    uint256 internal vid;
    uint256 internal uid;

    // ---------------------------------------------------------------- steps

    /// 算力提供者创建GPU对应的Token，确定链上唯一ID：HID
    function _providerCreatesGpuTokenHid() internal {
        // The gpu-agent on the box attests the device for the provider (its EIP-712 DeviceAttestation).
        bytes32 device = keccak256("GPU-5f1b2c3d GTX 1050");
        bytes memory attestation = attest(agentKey, device, provider);
        VM.prank(provider);
        hid = hardware.register(GTX_1050, device, agent, HOST_VCPUS, HOST_MEMORY_MIB, attestation);
        assertEq(hardware.ownerOf(hid), provider, "provider holds the HID");
        // The provider stakes the minimum of the compute type, which listing and buying require (DESIGN.md §2).
        VM.prank(provider);
        staking.stake(hid, MIN_STAKE);
        assertEq(hardware.hardware(hid).gpuModel, GTX_1050, "GTX 1050 from the DAO list");
    }

    /// 创建算力资源Token(包含UID的GPU板卡), 确定链上唯一ID：VID
    function _createsResourceTokenVid() internal {
        vid = createResource(hid);
        assertEq(resources.hidOf(vid), hid, "VID on the HID");
    }

    /// 创建使用权通证（包含VID的算力资源）, UID
    function _createsUsageRightUid() internal {
        uid = createUsage(vid);
        assertEq(usage.vidOf(uid), vid, "UID on the VID");
    }

    /// 将UID添加到算力市场进行销售（初次添加，需要确认收益者，并根据VID创建收益权通证RID）
    function _listsUidFirstTimeCreatingRid() internal {
        assertFalse(revenue.isMinted(vid), "no RID before the first listing");
        firstListing(uid, address(pvc), PRICE);
        assertEq(revenue.totalSupply(vid), params.revenueWeight(GPU), "RID supply = revenue weight of the type");
    }

    /// 算力使用者通过算力市场购买指定的算力使用权通证，获取UID.
    function _buyerPurchasesUid() internal {
        VM.prank(buyer);
        market.buy(uid, address(pvc), PRICE);
        assertEq(usage.userOf(uid), buyer, "buyer is the user");
    }

    /// 使用UID获取算力资源使用权限（算力资源配置）
    function _usesUidToGetResourceConfig() internal view {
        assertEq(usage.userOf(uid), buyer, "the right is the buyer's");
        IPowerVerseAssets.Resource memory config = resources.resource(usage.vidOf(uid));
        assertEq(config.gpuShareBps, 10_000, "whole GPU");
        assertEq(config.vcpus, 8, "vCPUs");
        assertEq(config.memoryMiB, 16_384, "memory");
    }

    /// 对当前拥有使用权限的算力资源执行去中心化算力证明操作
    function _provesHeldResource() internal returns (uint256 challengeId) {
        bytes32 seed;
        (challengeId, seed) = requestAndDispatch(vid, buyer);
        IPowerVerseProof.Challenge memory c = proof.challengeOf(challengeId);
        uint64[] memory nonces = solve(seed, agent, c.difficulty, c.shares);
        bytes memory sig = signResult(agentKey, challengeId, vid, seed, nonces, 10, 11);
        VM.warp(block.timestamp + 2);
        VM.prank(challenger);
        proof.submitResult(challengeId, saltOf(challengeId), nonces, 10, 11, 1250, sig);
    }

    /// 查看算力资源的证明结果及算力水平
    function _viewsProofResultAndLevel(uint256 challengeId) internal view {
        IPowerVerseProof.Challenge memory c = proof.challengeOf(challengeId);
        assertTrue(c.status == IPowerVerseProof.Status.Verified, "verified on chain");
        uint256 hashesPerSecond = ((uint256(c.shares) << c.difficulty) * 1000) / c.elapsedMs;
        assertEq(hashesPerSecond, (uint256(SHARES) << DIFFICULTY) * 1000 / 1250, "work / elapsed");
    }

    /// 收益权持有者 发起结账请求，获取当前收益
    function _revenueHoldersSettleAndClaim() internal {
        VM.warp(settleableAt(uid));
        VM.prank(holder2);
        market.settle(uid);
        // The income is released over the rental's duration from settlement on (DESIGN.md §2).
        VM.warp(block.timestamp + DAY);
        uint256 owed = revenue.claimable(vid, address(pvc), holder2);
        assertTrue(owed != 0, "income to claim");
        uint256 before = pvc.balanceOf(holder2);
        VM.prank(holder2);
        revenue.claim(vid, address(pvc));
        assertEq(pvc.balanceOf(holder2), before + owed, "claimed");
    }

    // ---------------------------------------------------------------- scenarios

    /// 场景一: 用新GPU板卡（GTX_1050）创建使用权算力并在市场上销售
    function test_scenario1_newGtx1050CreatesUsageRightAndSellsIt() public {
        _providerCreatesGpuTokenHid();
        _createsResourceTokenVid();
        _createsUsageRightUid();
        _listsUidFirstTimeCreatingRid();
        _buyerPurchasesUid();
        _usesUidToGetResourceConfig();
        _viewsProofResultAndLevel(_provesHeldResource());
        _revenueHoldersSettleAndClaim();
    }

    /// 场景二： 重新发布使用权通证并在市场上销售
    function test_scenario2_reissuesUsageRightOnFreeVidAndSellsIt() public {
        test_scenario1_newGtx1050CreatesUsageRightAndSellsIt();
        uint256 previousSupply = revenue.totalSupply(vid);
        // 算力提供者 查询是否有当前处于自由状态的算力资源(自己账户下)，获取ID：VID
        assertEq(resources.ownerOf(vid), provider, "the provider's VID");
        assertEq(usage.liveUidOf(vid), 0, "the VID is free");
        // 如果有，创建新的使用权通证（使用查询的VID）,获取新的链上唯一ID
        uid = createUsage(vid);
        // 将UID添加到算力市场进行销售（不能创建新的收益权, 只能利用场景一中初次创建时的收益权通证RID）
        (address[] memory who, uint256[] memory shares) = beneficiaries();
        VM.expectRevert(abi.encodeWithSelector(IPowerVerseAssets.RevenueRightsAlreadyMinted.selector, vid));
        VM.prank(provider);
        market.listWithRevenueRights(uid, address(pvc), PRICE, who, shares);
        VM.prank(provider);
        market.list(uid, address(pvc), PRICE);
        assertEq(revenue.totalSupply(vid), previousSupply, "the same RID");
        // 算力使用者通过算力市场购买购买指定参数的算力，获取UID.
        _buyerPurchasesUid();
        _usesUidToGetResourceConfig();
        _viewsProofResultAndLevel(_provesHeldResource());
        _revenueHoldersSettleAndClaim();
    }

    /// 场景三：算力使用者任意时刻发起算力证明
    function test_scenario3_userProvesAtAnyTimeWhileHolding() public {
        _providerCreatesGpuTokenHid();
        _createsResourceTokenVid();
        _createsUsageRightUid();
        _listsUidFirstTimeCreatingRid();
        _buyerPurchasesUid();
        // 算力使用权通证持有者即算力使用者在持有算力期间，发起对持有的算力资源验证
        for (uint256 hour = 1; hour <= 3; ++hour) {
            VM.warp(block.timestamp + 5 hours);
            // 验证信息将反应到排行信息中, 并可以查看算力证明信息
            _viewsProofResultAndLevel(_provesHeldResource());
        }
        assertEq(proof.count(), 3, "three proofs at three moments");
        VM.warp(usage.userExpires(uid));
        VM.expectRevert(abi.encodeWithSelector(IPowerVerseProof.ProofOfComputeNotAllowed.selector, vid, buyer));
        VM.prank(buyer);
        proof.requestChallenge(vid);
    }

    /// 场景四：初始收益权通证持有者出售收益权通证
    function test_scenario4_initialRevenueHolderSellsRid() public {
        test_scenario1_newGtx1050CreatesUsageRightAndSellsIt();
        // 收益权持有者 将持有的算力算力收益权通证添加到市场
        VM.prank(provider);
        uint256 listing = market.listShares(vid, 200, address(pvc), 0.01 ether);
        // 收益权交易者 通过市场购买收益权通证
        VM.prank(trader);
        market.buyShares(listing, 200, address(pvc), 0.01 ether);
        assertEq(revenue.balanceOf(trader, vid), 200, "trader holds 20%");
        // 收益权持有者(收益权交易者) 发起结账请求，获取当前收益
        _rentAgainAndSettle();
        uint256 traderOwed = revenue.claimable(vid, address(pvc), trader);
        assertEq(traderOwed, ((PRICE - (PRICE * FEE_BPS) / 10_000) * 200) / 1000, "20% of the new income");
        VM.prank(trader);
        revenue.claim(vid, address(pvc));
        VM.prank(provider);
        revenue.claim(vid, address(pvc));
    }

    /// 场景五：收益权通证持有者出售收益权通证
    function test_scenario5_revenueHolderResellsRid() public {
        test_scenario4_initialRevenueHolderSellsRid();
        // The trader, now a revenue holder, sells half of its shares on to a new buyer.
        VM.prank(trader);
        uint256 listing = market.listShares(vid, 100, address(pvc), 0.02 ether);
        VM.prank(buyer);
        market.buyShares(listing, 60, address(pvc), 0.02 ether);
        VM.prank(buyer);
        market.buyShares(listing, 40, address(pvc), 0.02 ether);
        assertEq(revenue.balanceOf(buyer, vid), 100, "two partial fills");
        _rentAgainAndSettle();
        uint256 income = PRICE - (PRICE * FEE_BPS) / 10_000;
        assertEq(revenue.claimable(vid, address(pvc), buyer), (income * 100) / 1000, "10% of the third income");
        assertEq(revenue.claimable(vid, address(pvc), trader), (income * 100) / 1000, "the trader keeps 10%");
        RevenueCheck.allClaimsCovered(revenue, vid, address(pvc), _holders());
    }

    function _rentAgainAndSettle() internal {
        uid = createUsage(vid);
        VM.prank(provider);
        market.list(uid, address(pvc), PRICE);
        VM.prank(stranger);
        pvc.approve(address(market), PRICE);
        pvc.transfer(stranger, PRICE);
        VM.prank(stranger);
        market.buy(uid, address(pvc), PRICE);
        VM.warp(settleableAt(uid));
        market.settle(uid);
        VM.warp(block.timestamp + DAY);
    }

    function _holders() internal view returns (address[] memory who) {
        who = new address[](4);
        who[0] = provider;
        who[1] = holder2;
        who[2] = trader;
        who[3] = buyer;
    }
}
