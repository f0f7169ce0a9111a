// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";
import {IPowerVerseAssets} from "../contracts/interfaces/IPowerVerseAssets.sol";
import {IPowerVerseDividends} from "../contracts/interfaces/IPowerVerseDividends.sol";
import {IPowerVerseMarket} from "../contracts/interfaces/IPowerVerseMarket.sol";
import {IPowerVerseProof} from "../contracts/interfaces/IPowerVerseProof.sol";
import {IPowerVerseStaking} from "../contracts/interfaces/IPowerVerseStaking.sol";
import {RevenueRights} from "../contracts/assets/RevenueRights.sol";
import {UsageRights} from "../contracts/assets/UsageRights.sol";
import {ComputeMarket} from "../contracts/market/ComputeMarket.sol";
import {FeeOnTransferToken} from "./utils/FeeOnTransferToken.sol";
import {Fixture} from "./utils/Fixture.sol";

/// @notice Issue 14, one test (or a few) per item, named after it: each reproduces what an attacker did against the
/// earlier contracts and checks that it is now refused, then that the intended path still works.
contract HardeningTest is Fixture {
    function _usage(uint256 vid, uint32 duration) private returns (uint256 uid) {
        VM.prank(provider);
        uid = usage.create(vid, duration);
    }

    // ---------------------------------------------------------------- 1. stake withdrawn while rented

    /// The provider requests unstake while listed, then sells: the purchase is refused, the stake is too low.
    function test_item01_stakeWithdrawnWhileRented() public {
        uint256 hid = registerHardware(keccak256("gpu-0"));
        uint256 uid = _usage(createResource(hid), 30 days);
        firstListing(uid, address(pvc), PRICE);
        VM.prank(provider);
        staking.requestUnstake(hid, MIN_STAKE);
        VM.expectRevert(abi.encodeWithSelector(IPowerVerseMarket.ComputeMarketNotStaked.selector, hid));
        VM.prank(buyer);
        market.buy(uid, address(pvc), PRICE);
    }

    /// PVC unbonding when the rental began stays slashable until the rental and its dispute window are over.
    function test_item01_stakeLockedUntilLatestRentalEnd() public {
        uint256 hid = registerHardware(keccak256("gpu-0"));
        VM.prank(provider);
        staking.stake(hid, 500 ether);
        uint256 uid = _usage(createResource(hid), 30 days);
        firstListing(uid, address(pvc), PRICE);
        VM.prank(provider);
        staking.requestUnstake(hid, 500 ether);
        VM.prank(buyer);
        market.buy(uid, address(pvc), PRICE);
        uint64 until = uint64(block.timestamp) + 30 days + DISPUTE_WINDOW;
        assertEq(staking.lockedUntil(hid), until, "latest rental end + dispute window");
        VM.warp(block.timestamp + 7 days);
        VM.expectRevert(abi.encodeWithSelector(IPowerVerseStaking.ProviderStakingLocked.selector, hid, until));
        VM.prank(provider);
        staking.withdraw(hid);
        VM.expectRevert(abi.encodeWithSelector(IPowerVerseStaking.ProviderStakingLocked.selector, hid, until));
        VM.prank(provider);
        staking.requestUnstake(hid, 1);
        VM.warp(until);
        VM.prank(provider);
        staking.withdraw(hid);
        assertEq(staking.stakeOf(hid).amount, MIN_STAKE, "the minimum stayed staked throughout");
    }

    /// The lock outlives the UID: a new UID bound to the VID right after the rental does not release it.
    function test_item01_lockSurvivesANewUidOnTheVid() public {
        (uint256 hid, uint256 vid, uint256 uid) = rentedUsage(keccak256("gpu-0"));
        VM.warp(usage.userExpires(uid));
        createUsage(vid);
        VM.expectRevert(
            abi.encodeWithSelector(IPowerVerseStaking.ProviderStakingLocked.selector, hid, settleableAt(uid))
        );
        VM.prank(provider);
        staking.requestUnstake(hid, 1);
    }

    function test_item01_listWithoutStake_reverts() public {
        uint256 hid = registerBareHardware(keccak256("gpu-0"));
        uint256 uid = createUsage(createResource(hid));
        (address[] memory who, uint256[] memory shares) = beneficiaries();
        VM.expectRevert(abi.encodeWithSelector(IPowerVerseMarket.ComputeMarketNotStaked.selector, hid));
        VM.prank(provider);
        market.listWithRevenueRights(uid, address(pvc), PRICE, who, shares);
    }

    // ---------------------------------------------------------------- 2. settlement races the refund

    /// The provider settles in the first block after expiry: refused in the dispute window, so downtime proven
    /// after the rental's end (a challenge issued in its last minutes) is still refunded.
    function test_item02_settlementRacesTheRefund() public {
        (,, uint256 uid) = rentedUsage(keccak256("gpu-0"));
        uint64 end = market.orderOf(uid).end;
        VM.warp(end);
        VM.expectRevert(
            abi.encodeWithSelector(IPowerVerseMarket.ComputeMarketInDisputeWindow.selector, uid, end + DISPUTE_WINDOW)
        );
        VM.prank(provider);
        market.settle(uid);
        VM.warp(end + DEADLINE);
        uint256 before = pvc.balanceOf(buyer);
        VM.prank(challenger);
        market.refund(uid, DAY / 4, keccak256("challenge 1 expired after the end"));
        assertEq(pvc.balanceOf(buyer), before + PRICE / 4, "refunded after the end");
        VM.warp(end + DISPUTE_WINDOW);
        VM.prank(provider);
        market.settle(uid);
        assertTrue(market.orderOf(uid).state == IPowerVerseMarket.OrderState.Settled, "anyone after the window");
    }

    function test_item02_challengerSettlesInTheWindow() public {
        (,, uint256 uid) = rentedUsage(keccak256("gpu-0"));
        VM.warp(market.orderOf(uid).end);
        VM.prank(challenger);
        market.settle(uid);
        assertTrue(market.orderOf(uid).state == IPowerVerseMarket.OrderState.Settled, "settled by the challenger");
    }

    function test_item02_windowNeverShorterThanTheProofDeadline() public {
        params.setDisputeWindow(0);
        assertEq(params.disputeWindow(), DEADLINE, "at least the longest proof deadline");
        params.addProofParams(GPU, DIFFICULTY, SHARES, 2 hours);
        assertEq(params.disputeWindow(), 2 hours, "a longer deadline lengthens it");
        params.setDisputeWindow(3 hours);
        assertEq(params.disputeWindow(), 3 hours, "or the window set, when longer");
    }

    // ---------------------------------------------------------------- 3. anyone submits a result

    /// A watcher resubmits the agent's signed result before the challenger: refused.
    function test_item03_anyoneSubmitsAResult() public {
        (, uint256 vid,) = rentedUsage(keccak256("gpu-0"));
        (uint256 id, bytes32 seed) = requestAndDispatch(vid, buyer);
        uint64[] memory nonces = solve(seed, agent, DIFFICULTY, SHARES);
        bytes memory sig = signResult(agentKey, id, vid, seed, nonces, 1, 2);
        bytes32 salt = saltOf(id);
        VM.expectRevert(
            abi.encodeWithSelector(
                IAccessControl.AccessControlUnauthorizedAccount.selector, stranger, proof.CHALLENGER_ROLE()
            )
        );
        VM.prank(stranger);
        proof.submitResult(id, salt, nonces, 1, 2, 1, sig);
        VM.warp(block.timestamp + 3);
        VM.prank(challenger);
        proof.submitResult(id, salt, nonces, 1, 2, 1500, sig);
        assertEq(proof.challengeOf(id).elapsedMs, 1500, "the platform-observed elapsed time");
    }

    function test_item03_observedElapsedBoundedByChainTime() public {
        (, uint256 vid,) = rentedUsage(keccak256("gpu-0"));
        (uint256 id, bytes32 seed) = requestAndDispatch(vid, buyer);
        uint64[] memory nonces = solve(seed, agent, DIFFICULTY, SHARES);
        bytes memory sig = signResult(agentKey, id, vid, seed, nonces, 1, 2);
        bytes32 salt = saltOf(id);
        VM.warp(block.timestamp + 2);
        VM.expectRevert(IPowerVerseProof.ProofOfComputeZeroElapsed.selector);
        VM.prank(challenger);
        proof.submitResult(id, salt, nonces, 1, 2, 0, sig);
        VM.prank(challenger);
        proof.submitResult(id, salt, nonces, 1, 2, 60_000, sig);
        assertEq(proof.challengeOf(id).elapsedMs, 3000, "observed 60 s > chain bound (2 + 1) s");
    }

    // ---------------------------------------------------------------- 4. one GPU sold several times at once

    /// Three whole-GPU resources on one GTX 1050: the second is refused.
    function test_item04_oneGpuSoldSeveralTimesAtOnce() public {
        uint256 hid = registerHardware(keccak256("gpu-0"));
        createResource(hid);
        VM.expectRevert(
            abi.encodeWithSelector(
                IPowerVerseAssets.ResourceRegistryOverAllocated.selector,
                hid,
                IPowerVerseAssets.Allocation({gpuShareBps: 10_000, vcpus: 8, memoryMiB: 16_384}),
                IPowerVerseAssets.Allocation({gpuShareBps: 10_000, vcpus: HOST_VCPUS, memoryMiB: HOST_MEMORY_MIB})
            )
        );
        VM.prank(provider);
        resources.create(hid, 10_000, 8, 16_384, 200);
    }

    function test_item04_sharesUpToTheWholeGpuAndHost() public {
        uint256 hid = registerHardware(keccak256("gpu-0"));
        VM.startPrank(provider);
        resources.create(hid, 2500, 8, 32_768, 50);
        resources.create(hid, 7500, 8, 32_768, 50);
        VM.expectRevert();
        resources.create(hid, 1, 1, 1, 1);
        VM.stopPrank();
        uint256 other = registerHardware(keccak256("gpu-1"));
        VM.startPrank(provider);
        VM.expectRevert();
        resources.create(other, 5000, HOST_VCPUS + 1, 1024, 50);
        VM.expectRevert();
        resources.create(other, 5000, 4, HOST_MEMORY_MIB + 1, 50);
        VM.stopPrank();
        IPowerVerseAssets.Allocation memory a = resources.allocated(hid);
        assertEq(a.gpuShareBps, 10_000, "the whole GPU");
        assertEq(a.vcpus, 16, "vCPUs");
        assertEq(a.memoryMiB, 65_536, "memory");
    }

    /// Retiring a resource gives its share back, but only once no live UID is bound to it.
    function test_item04_retireFreesTheShare() public {
        (uint256 hid, uint256 vid, uint256 uid) = rentedUsage(keccak256("gpu-0"));
        VM.expectRevert(abi.encodeWithSelector(IPowerVerseAssets.ResourceRegistryResourceBound.selector, vid, uid));
        VM.prank(provider);
        resources.retire(vid);
        VM.expectRevert(abi.encodeWithSelector(IPowerVerseAssets.ResourceRegistryNotOwner.selector, vid, stranger));
        VM.prank(stranger);
        resources.retire(vid);
        VM.warp(usage.userExpires(uid));
        VM.expectEmit();
        emit IPowerVerseAssets.ResourceRetired(vid, hid);
        VM.prank(provider);
        resources.retire(vid);
        assertEq(resources.allocated(hid).gpuShareBps, 0, "freed");
        createResource(hid);
        assertEq(resources.allocated(hid).gpuShareBps, 10_000, "sold again, once");
    }

    function test_item04_bindUsageRights_onceByTheDeployer() public {
        VM.expectRevert(abi.encodeWithSelector(IPowerVerseAssets.ResourceRegistryNotDeployer.selector, stranger));
        VM.prank(stranger);
        resources.bindUsageRights(usage);
        VM.expectRevert(abi.encodeWithSelector(IPowerVerseAssets.ResourceRegistryAlreadyBound.selector, address(usage)));
        resources.bindUsageRights(usage);
    }

    // ---------------------------------------------------------------- 5. the same evidence slashes twice

    function test_item05_sameEvidenceSlashesTwice() public {
        (uint256 hid, uint256 vid,) = rentedUsage(keccak256("gpu-0"));
        uint256 id = missedChallenge(vid);
        VM.prank(challenger);
        uint256 first = staking.slash(hid, id);
        assertEq(first, (MIN_STAKE * SLASH_BPS) / 10_000, "slashed once");
        VM.expectRevert(abi.encodeWithSelector(IPowerVerseStaking.ProviderStakingAlreadySlashed.selector, id));
        VM.prank(challenger);
        staking.slash(hid, id);
    }

    /// Only a challenge of that HID that expired without a verified result slashes it.
    function test_item05_slashOnlyForAMissedChallengeOfThatHid() public {
        (uint256 hid, uint256 vid,) = rentedUsage(keccak256("gpu-0"));
        uint256 otherVid = createResource(registerHardware(keccak256("gpu-1")));
        uint256 otherId = missedChallenge(otherVid);
        VM.expectRevert(
            abi.encodeWithSelector(IPowerVerseStaking.ProviderStakingNotSlashable.selector, hid, otherId)
        );
        VM.prank(challenger);
        staking.slash(hid, otherId);
        (uint256 open,) = requestAndDispatch(vid, challenger);
        VM.expectRevert(abi.encodeWithSelector(IPowerVerseStaking.ProviderStakingNotSlashable.selector, hid, open));
        VM.prank(challenger);
        staking.slash(hid, open);
        // A request the challenger never dispatched lapses: not the agent's miss.
        VM.prank(buyer);
        uint256 lapsed = proof.requestChallenge(vid);
        VM.warp(block.timestamp + DEADLINE + 1);
        proof.expire(lapsed);
        VM.expectRevert(abi.encodeWithSelector(IPowerVerseStaking.ProviderStakingNotSlashable.selector, hid, lapsed));
        VM.prank(challenger);
        staking.slash(hid, lapsed);
    }

    // ---------------------------------------------------------------- 6. ownership drift

    /// A VID sold while its creator holds an unlisted UID: the creator cannot mint the VID's RID to itself.
    function test_item06_ownershipDrift_creatorMintsRidOfSoldVid() public {
        uint256 vid = createResource(registerHardware(keccak256("gpu-0")));
        uint256 uid = createUsage(vid);
        VM.prank(provider);
        resources.transferFrom(provider, stranger, vid);
        address[] memory who = new address[](1);
        uint256[] memory shares = new uint256[](1);
        who[0] = provider;
        shares[0] = GPU_WEIGHT;
        VM.expectRevert(
            abi.encodeWithSelector(IPowerVerseMarket.ComputeMarketNotResourceOwner.selector, vid, provider)
        );
        VM.prank(provider);
        market.listWithRevenueRights(uid, address(pvc), PRICE, who, shares);
    }

    /// The VID's new owner retires the creator's unrented UID, then issues and first-lists its own.
    function test_item06_ownershipDrift_newVidOwnerRetiresUnrentedUid() public {
        uint256 vid = createResource(registerHardware(keccak256("gpu-0")));
        uint256 uid = createUsage(vid);
        VM.prank(provider);
        resources.transferFrom(provider, stranger, vid);
        VM.prank(stranger);
        usage.retire(uid);
        assertEq(usage.liveUidOf(vid), 0, "the new owner freed its VID");
        VM.prank(stranger);
        uint256 own = usage.create(vid, DAY);
        address[] memory who = new address[](1);
        uint256[] memory shares = new uint256[](1);
        who[0] = stranger;
        shares[0] = GPU_WEIGHT;
        VM.prank(stranger);
        market.listWithRevenueRights(own, address(pvc), PRICE, who, shares);
        assertEq(revenue.balanceOf(stranger, vid), GPU_WEIGHT, "the VID's owner decided its first listing");
    }

    /// After an HID transfer the stake's control moves with the HID: the old owner no longer controls it.
    function test_item06_ownershipDrift_stakeControlFollowsHid() public {
        uint256 hid = registerHardware(keccak256("gpu-0"));
        VM.prank(provider);
        hardware.transferFrom(provider, stranger, hid);
        VM.expectRevert(
            abi.encodeWithSelector(IPowerVerseStaking.ProviderStakingNotHardwareOwner.selector, hid, provider)
        );
        VM.prank(provider);
        staking.requestUnstake(hid, MIN_STAKE);
        VM.prank(stranger);
        staking.requestUnstake(hid, MIN_STAKE);
        VM.warp(staking.stakeOf(hid).unbondingEnd);
        VM.prank(stranger);
        staking.withdraw(hid);
        assertEq(pvc.balanceOf(stranger), MIN_STAKE, "the HID's owner controls its stake");
    }

    // ---------------------------------------------------------------- 7. stale listings revive

    /// A share listing whose shares moved away would fill again once the seller held shares again: listed shares
    /// are escrowed in place, so they cannot move away while listed.
    function test_item07_staleShareListingsRevive() public {
        (, uint256 vid,) = listedUsage(keccak256("gpu-0"));
        VM.prank(holder2);
        uint256 id = market.listShares(vid, 300, address(pvc), 1 ether);
        VM.expectRevert(
            abi.encodeWithSelector(IPowerVerseAssets.RevenueRightsSharesListed.selector, vid, holder2, 400, 700)
        );
        VM.prank(holder2);
        revenue.safeTransferFrom(holder2, stranger, vid, 400, "");
        VM.prank(holder2);
        revenue.safeTransferFrom(holder2, stranger, vid, 100, "");
        assertEq(revenue.listedOf(vid, holder2), 300, "the listed shares stay put");
        VM.expectRevert(abi.encodeWithSelector(IPowerVerseMarket.ComputeMarketInsufficientShares.selector, 0, 1));
        VM.prank(holder2);
        market.listShares(vid, 1, address(pvc), 2 ether);
        VM.prank(trader);
        market.buyShares(id, 100, address(pvc), 1 ether);
        VM.prank(holder2);
        market.cancelShareListing(id);
        assertEq(revenue.listedOf(vid, holder2), 0, "released");
        VM.prank(holder2);
        revenue.safeTransferFrom(holder2, stranger, vid, 200, "");
        assertEq(revenue.balanceOf(stranger, vid), 300, "free to move once unlisted");
    }

    /// A UID listing does not survive the UID leaving its seller and coming back.
    function test_item07_staleUidListingRevives() public {
        (,, uint256 uid) = listedUsage(keccak256("gpu-0"));
        VM.prank(provider);
        usage.transferFrom(provider, stranger, uid);
        VM.prank(stranger);
        usage.transferFrom(stranger, provider, uid);
        VM.expectRevert(abi.encodeWithSelector(IPowerVerseAssets.UsageRightsNotListed.selector, uid));
        VM.prank(buyer);
        market.buy(uid, address(pvc), PRICE);
        VM.prank(provider);
        market.list(uid, address(pvc), PRICE * 2);
        VM.prank(buyer);
        market.buy(uid, address(pvc), PRICE * 2);
        assertEq(usage.userOf(uid), buyer, "a fresh listing sells");
    }

    // ---------------------------------------------------------------- 8. booked, not measured

    function _feeToken(uint256 feeBps) private returns (FeeOnTransferToken token) {
        token = new FeeOnTransferToken(feeBps);
        params.setAcceptedToken(address(token), true, 0);
        token.mint(buyer, 1000 ether);
        VM.prank(buyer);
        token.approve(address(market), type(uint256).max);
    }

    /// A fee-on-transfer token would book 200 while the market holds 198: the purchase is refused.
    function test_item08_bookedNotMeasured() public {
        FeeOnTransferToken fee = _feeToken(100);
        uint256 uid = createUsage(createResource(registerHardware(keccak256("gpu-0"))));
        firstListing(uid, address(fee), 200 ether);
        VM.expectRevert(
            abi.encodeWithSelector(
                IPowerVerseMarket.ComputeMarketTransferShortfall.selector, address(fee), 200 ether, 198 ether
            )
        );
        VM.prank(buyer);
        market.buy(uid, address(fee), 200 ether);
    }

    /// A fee switched on after the purchase (as USDT's can be): RID holders are credited with what arrived, and
    /// both the market's and RevenueRights' books still match what they hold.
    function test_item08_incomeBookedAsReceived() public {
        FeeOnTransferToken fee = _feeToken(0);
        uint256 vid = createResource(registerHardware(keccak256("gpu-0")));
        uint256 uid = createUsage(vid);
        firstListing(uid, address(fee), 200 ether);
        VM.prank(buyer);
        market.buy(uid, address(fee), 200 ether);
        fee.setFee(100);
        VM.warp(settleableAt(uid));
        market.settle(uid);
        uint256 income = 200 ether - (200 ether * uint256(FEE_BPS)) / 10_000;
        uint256 received = income - income / 100;
        assertEq(revenue.pool(vid, address(fee)).deposited, received, "credited with what arrived");
        assertEq(fee.balanceOf(address(revenue)), received, "RevenueRights holds what it owes");
        (,,, uint256 escrowed) = market.totals(address(fee));
        assertEq(fee.balanceOf(address(market)), escrowed, "the market holds its escrow (none)");
    }

    function test_item08_fundEpochWithAFeeToken_reverts() public {
        FeeOnTransferToken fee = new FeeOnTransferToken(100);
        fee.mint(settler, 1000 ether);
        VM.prank(settler);
        fee.approve(address(dividends), type(uint256).max);
        VM.prank(settler);
        uint256 epoch = dividends.postEpoch(202_611, bytes32(uint256(1)), address(fee), 100 ether);
        VM.expectRevert(
            abi.encodeWithSelector(
                IPowerVerseDividends.DividendDistributorFundingShortfall.selector, epoch, 100 ether, 99 ether
            )
        );
        VM.prank(settler);
        dividends.fundEpoch(epoch);
    }

    // ---------------------------------------------------------------- 12. dividend epochs

    function _pair(bytes32 a, bytes32 b) private pure returns (bytes32) {
        return a < b ? keccak256(abi.encodePacked(a, b)) : keccak256(abi.encodePacked(b, a));
    }

    /// Two leaves: (provider, 600 PVC), (holder2, 400 PVC).
    function _leaves() private view returns (bytes32 a, bytes32 b) {
        a = keccak256(abi.encodePacked(provider, uint256(600 ether)));
        b = keccak256(abi.encodePacked(holder2, uint256(400 ether)));
    }

    function _postAndFund(uint32 period) private returns (uint256 epoch) {
        (bytes32 a, bytes32 b) = _leaves();
        VM.prank(settler);
        epoch = dividends.postEpoch(period, _pair(a, b), address(pvc), 1000 ether);
        VM.prank(settler);
        dividends.fundEpoch(epoch);
    }

    /// A retried post of the same month would double-pay: the month has one epoch, funded once.
    function test_item12_dividendEpochs_oneEpochPerMonth() public {
        uint256 epoch = _postAndFund(202_611);
        VM.expectRevert(abi.encodeWithSelector(IPowerVerseDividends.DividendDistributorAlreadyFunded.selector, epoch));
        VM.prank(settler);
        dividends.postEpoch(202_611, bytes32(uint256(1)), address(pvc), 100 ether);
        VM.expectRevert(abi.encodeWithSelector(IPowerVerseDividends.DividendDistributorAlreadyFunded.selector, epoch));
        VM.prank(settler);
        dividends.fundEpoch(epoch);
        assertEq(pvc.balanceOf(address(dividends)), 1000 ether, "funded once");
        assertEq(_postAndFund(202_612), epoch + 1, "the next month is a new epoch");
    }

    /// A wrong root is replaced before funding; claims follow the replacement, never the first root.
    function test_item12_rootReplaceableUntilFunded() public {
        (bytes32 a, bytes32 b) = _leaves();
        VM.prank(settler);
        uint256 epoch = dividends.postEpoch(202_611, keccak256("a wrong root"), address(pvc), 999 ether);
        VM.prank(settler);
        assertEq(dividends.postEpoch(202_611, _pair(a, b), address(pvc), 1000 ether), epoch, "same epoch");
        VM.expectRevert(abi.encodeWithSelector(IPowerVerseDividends.DividendDistributorNotFunded.selector, epoch));
        dividends.claim(epoch, provider, 600 ether, _single(b));
        VM.prank(settler);
        dividends.fundEpoch(epoch);
        assertEq(pvc.balanceOf(address(dividends)), 1000 ether, "funded with exactly the tree's total");
        dividends.claim(epoch, provider, 600 ether, _single(b));
        dividends.claim(epoch, holder2, 400 ether, _single(a));
        assertEq(dividends.epochOf(epoch).remaining, 0, "the tree's total, all paid");
    }

    /// What is left after the claim deadline is reclaimed, once; the epoch then closes.
    function test_item12_reclaimAfterTheClaimDeadline() public {
        uint256 epoch = _postAndFund(202_611);
        (bytes32 a,) = _leaves();
        dividends.claim(epoch, holder2, 400 ether, _single(a));
        uint40 deadline = dividends.epochOf(epoch).claimDeadline;
        VM.expectRevert(
            abi.encodeWithSelector(IPowerVerseDividends.DividendDistributorClaimsOpen.selector, epoch, deadline)
        );
        VM.prank(settler);
        dividends.reclaim(epoch, treasury);
        VM.warp(deadline);
        VM.expectEmit();
        emit IPowerVerseDividends.EpochReclaimed(epoch, treasury, 600 ether);
        VM.prank(settler);
        dividends.reclaim(epoch, treasury);
        assertEq(pvc.balanceOf(treasury), 600 ether, "the unclaimed rest");
        (, bytes32 b) = _leaves();
        VM.expectRevert(abi.encodeWithSelector(IPowerVerseDividends.DividendDistributorReclaimed.selector, epoch));
        dividends.claim(epoch, provider, 600 ether, _single(b));
        VM.expectRevert(abi.encodeWithSelector(IPowerVerseDividends.DividendDistributorReclaimed.selector, epoch));
        VM.prank(settler);
        dividends.reclaim(epoch, treasury);
    }

    function _single(bytes32 sibling) private pure returns (bytes32[] memory p) {
        p = new bytes32[](1);
        p[0] = sibling;
    }

    // ---------------------------------------------------------------- 9. predictable seed

    /// The agent knows prevrandao, the next id and the vid a slot ahead (and on some L2s prevrandao is constant): it
    /// can compute keccak(prevrandao, id, vid) before the challenge exists. The seed also needs the challenger's salt,
    /// committed at dispatch and revealed only with the result.
    function test_item09_predictableSeed() public {
        (, uint256 vid,) = rentedUsage(keccak256("gpu-0"));
        VM.prevrandao(bytes32(uint256(42)));
        uint256 next = proof.count() + 1;
        bytes32 predicted = keccak256(abi.encodePacked(uint256(42), next, vid));
        uint64[] memory precomputed = solve(predicted, agent, DIFFICULTY, SHARES);
        (uint256 id, bytes32 seed) = requestAndDispatch(vid, buyer);
        assertEq(id, next, "the id the agent guessed");
        assertEq(proof.challengeOf(id).entropy, predicted, "the public entropy is what the agent could predict");
        assertTrue(seed != predicted, "the seed is not");
        bytes memory sig = signResult(agentKey, id, vid, predicted, precomputed, 1, 2);
        bytes32 salt = saltOf(id);
        VM.expectRevert();
        VM.prank(challenger);
        proof.submitResult(id, salt, precomputed, 1, 2, 1, sig);
    }

    /// The challenger must reveal the salt it committed to: it cannot choose the seed after the fact.
    function test_item09_saltCommittedAtDispatch() public {
        (, uint256 vid,) = rentedUsage(keccak256("gpu-0"));
        (uint256 id,) = requestAndDispatch(vid, buyer);
        bytes32 other = keccak256("a salt chosen later");
        bytes32 otherSeed = proof.seedFor(id, other);
        uint64[] memory nonces = solve(otherSeed, agent, DIFFICULTY, SHARES);
        bytes memory sig = signResult(agentKey, id, vid, otherSeed, nonces, 1, 2);
        VM.expectRevert(abi.encodeWithSelector(IPowerVerseProof.ProofOfComputeWrongSalt.selector, id));
        VM.prank(challenger);
        proof.submitResult(id, other, nonces, 1, 2, 1, sig);
    }

    // ---------------------------------------------------------------- 10. challenge flooding

    /// A renter floods the agent: one open challenge per VID and requester, then a cooldown.
    function test_item10_challengeFlooding() public {
        (, uint256 vid,) = rentedUsage(keccak256("gpu-0"));
        VM.prank(buyer);
        uint256 first = proof.requestChallenge(vid);
        VM.expectRevert(
            abi.encodeWithSelector(IPowerVerseProof.ProofOfComputeChallengeOpen.selector, vid, buyer, first)
        );
        VM.prank(buyer);
        proof.requestChallenge(vid);
        bytes32 seed = dispatch(first);
        VM.expectRevert(
            abi.encodeWithSelector(IPowerVerseProof.ProofOfComputeChallengeOpen.selector, vid, buyer, first)
        );
        VM.prank(buyer);
        proof.requestChallenge(vid);
        uint64[] memory nonces = solve(seed, agent, DIFFICULTY, SHARES);
        bytes memory sig = signResult(agentKey, first, vid, seed, nonces, 1, 2);
        VM.prank(challenger);
        proof.submitResult(first, saltOf(first), nonces, 1, 2, 1, sig);
        uint256 until = block.timestamp + COOLDOWN;
        VM.expectRevert(abi.encodeWithSelector(IPowerVerseProof.ProofOfComputeCooldown.selector, vid, buyer, until));
        VM.prank(buyer);
        proof.requestChallenge(vid);
        // Other requesters are not held back by the buyer's cooldown.
        VM.prank(provider);
        proof.requestChallenge(vid);
        VM.warp(until);
        VM.prank(buyer);
        proof.requestChallenge(vid);
        assertEq(proof.count(), 3, "one per requester at a time");
    }

    /// A challenge that ran out of time no longer blocks its requester, whether or not anyone closed it.
    function test_item10_closedByTimeNotByCall() public {
        (, uint256 vid,) = rentedUsage(keccak256("gpu-0"));
        VM.prank(buyer);
        uint256 first = proof.requestChallenge(vid);
        VM.warp(block.timestamp + COOLDOWN + 1);
        VM.prank(buyer);
        uint256 second = proof.requestChallenge(vid);
        assertEq(second, first + 1, "the undispatched request lapsed by time");
        assertTrue(proof.challengeOf(first).status == IPowerVerseProof.Status.Requested, "never closed by a call");
    }

    /// The challenger has no cooldown, but still one open challenge per VID.
    function test_item10_challengerHasNoCooldown() public {
        (, uint256 vid,) = rentedUsage(keccak256("gpu-0"));
        uint256 missed = missedChallenge(vid);
        VM.prank(challenger);
        uint256 next = proof.requestChallenge(vid);
        assertEq(next, missed + 1, "right after the miss");
        VM.expectRevert(
            abi.encodeWithSelector(IPowerVerseProof.ProofOfComputeChallengeOpen.selector, vid, challenger, next)
        );
        VM.prank(challenger);
        proof.requestChallenge(vid);
    }

    // ---------------------------------------------------------------- 11. deployment defaults

    /// Governance could grant MARKET_ROLE (moving anyone's RID, booking income) to any address: the market's power is
    /// now bound, once, to the market contract itself, and there is no role to grant.
    function test_item11_marketRoleBoundToTheMarket() public {
        (, uint256 vid,) = listedUsage(keccak256("gpu-0"));
        bytes4 accessControl = type(IAccessControl).interfaceId;
        assertFalse(revenue.supportsInterface(accessControl), "no role to grant on RevenueRights");
        assertFalse(usage.supportsInterface(accessControl), "no role to grant on UsageRights");
        VM.expectRevert(abi.encodeWithSelector(IPowerVerseAssets.RevenueRightsMarketBound.selector, address(market)));
        revenue.bindMarket(stranger);
        VM.expectRevert(abi.encodeWithSelector(IPowerVerseAssets.UsageRightsMarketBound.selector, address(market)));
        usage.bindMarket(stranger);
        VM.expectRevert(abi.encodeWithSelector(IPowerVerseAssets.RevenueRightsNotMarket.selector, stranger));
        VM.prank(stranger);
        revenue.marketTransfer(holder2, stranger, vid, 400);
        assertEq(revenue.market(), address(market), "RID bound to the market");
        assertEq(usage.market(), address(market), "UID bound to the market");
    }

    /// Only the deployer binds, and only a market built on the very contract being bound.
    function test_item11_bindMarket_onlyTheDeployer_onlyAMarketBuiltOnIt() public {
        RevenueRights freshRevenue = new RevenueRights(address(forwarder));
        UsageRights freshUsage = new UsageRights(resources, address(forwarder));
        VM.expectRevert(abi.encodeWithSelector(IPowerVerseAssets.RevenueRightsNotDeployer.selector, stranger));
        VM.prank(stranger);
        freshRevenue.bindMarket(address(market));
        VM.expectRevert(abi.encodeWithSelector(IPowerVerseAssets.RevenueRightsInvalidMarket.selector, address(market)));
        freshRevenue.bindMarket(address(market));
        VM.expectRevert(abi.encodeWithSelector(IPowerVerseAssets.UsageRightsInvalidMarket.selector, address(market)));
        freshUsage.bindMarket(address(market));
        VM.expectRevert(abi.encodeWithSelector(IPowerVerseAssets.UsageRightsInvalidMarket.selector, stranger));
        freshUsage.bindMarket(stranger);
        ComputeMarket freshMarket =
            new ComputeMarket(params, freshUsage, freshRevenue, pvc, staking, address(this), address(forwarder));
        freshRevenue.bindMarket(address(freshMarket));
        freshUsage.bindMarket(address(freshMarket));
        assertEq(freshRevenue.market(), address(freshMarket), "bound");
    }

    // ---------------------------------------------------------------- 13. income credited at settle

    /// Someone buying RID shares just before settlement took the whole period's income: income is now released over
    /// the rental's duration from settlement, so shares earn only for the time they are held.
    function test_item13_incomeCreditedAtSettle() public {
        (, uint256 vid, uint256 uid) = rentedUsage(keccak256("gpu-0"));
        VM.warp(settleableAt(uid));
        VM.prank(holder2);
        revenue.safeTransferFrom(holder2, trader, vid, 400, "");
        market.settle(uid);
        assertEq(revenue.claimable(vid, address(pvc), trader), 0, "nothing at the instant of settlement");
        // The sniper sells right back a minute later: it keeps only that minute's share.
        VM.warp(block.timestamp + 1 minutes);
        VM.prank(trader);
        revenue.safeTransferFrom(trader, holder2, vid, 400, "");
        uint256 income = PRICE - (PRICE * FEE_BPS) / 10_000;
        uint256 minute = (income * 400 * 1 minutes) / (1000 * DAY);
        assertLe(revenue.claimable(vid, address(pvc), trader), minute, "a minute's worth, not the period's");
        VM.warp(block.timestamp + DAY);
        uint256 all = revenue.claimable(vid, address(pvc), trader) + revenue.claimable(vid, address(pvc), holder2)
            + revenue.claimable(vid, address(pvc), provider);
        assertLe(income - all, 3, "all of it released in the end, less dust");
    }

    /// Income is released linearly over the rental's duration.
    function test_item13_releasedLinearlyOverTheRentalDuration() public {
        (, uint256 vid, uint256 uid) = rentedUsage(keccak256("gpu-0"));
        VM.warp(settleableAt(uid));
        market.settle(uid);
        uint256 income = PRICE - (PRICE * FEE_BPS) / 10_000;
        VM.warp(block.timestamp + DAY / 4);
        assertEq(revenue.released(vid, address(pvc)), income / 4, "a quarter after a quarter");
        assertEq(revenue.claimable(vid, address(pvc), holder2), (income / 4) * 400 / 1000, "40 % of it");
        VM.prank(holder2);
        revenue.claim(vid, address(pvc));
        VM.warp(block.timestamp + DAY);
        assertEq(revenue.released(vid, address(pvc)), income, "all of it at the end");
        assertEq(
            revenue.claimable(vid, address(pvc), holder2), (income * 400) / 1000 - ((income / 4) * 400) / 1000,
            "the rest"
        );
    }

    /// A settlement while an earlier stream runs rolls the unreleased rest into the new stream.
    function test_item13_laterSettlementRollsOverTheRest() public {
        (, uint256 vid, uint256 uid) = rentedUsage(keccak256("gpu-0"));
        VM.warp(usage.userExpires(uid));
        uint256 second = createUsage(vid);
        VM.prank(provider);
        market.list(second, address(pvc), PRICE);
        VM.prank(buyer);
        market.buy(second, address(pvc), PRICE);
        VM.warp(settleableAt(uid));
        market.settle(uid);
        VM.warp(block.timestamp + DAY / 2);
        uint256 income = PRICE - (PRICE * FEE_BPS) / 10_000;
        assertEq(revenue.released(vid, address(pvc)), income / 2, "half of the first");
        VM.warp(settleableAt(second));
        market.settle(second);
        uint256 releasedAtSecond = revenue.released(vid, address(pvc));
        VM.warp(block.timestamp + DAY / 2);
        assertEq(
            revenue.released(vid, address(pvc)),
            releasedAtSecond + (2 * income - releasedAtSecond) / 2,
            "the rest of the first and the second, over the second's duration"
        );
        VM.warp(block.timestamp + DAY);
        assertEq(revenue.released(vid, address(pvc)), 2 * income, "both, in the end");
    }

    // ---------------------------------------------------------------- 14. the device hash is unverified

    /// A squatter copies a pending registration (device hash, agent, attestation) and registers it first, or names
    /// its own agent: both refused, so the device stays registrable by its owner.
    function test_item14_deviceHashUnverified() public {
        bytes32 device = keccak256("GPU-5f1b2c3d");
        bytes memory attestation = attest(agentKey, device, provider);
        VM.expectRevert(
            abi.encodeWithSelector(
                IPowerVerseAssets.HardwareRegistryInvalidAttestation.selector,
                ECDSA.recover(hardware.attestationDigest(device, stranger), attestation),
                agent
            )
        );
        VM.prank(stranger);
        hardware.register(GTX_1050, device, agent, HOST_VCPUS, HOST_MEMORY_MIB, attestation);
        (address squatterAgent, uint256 squatterKey) = makeAccount("squatter agent");
        bytes memory own = attest(squatterKey, device, stranger);
        VM.expectRevert();
        VM.prank(stranger);
        hardware.register(GTX_1050, device, agent, HOST_VCPUS, HOST_MEMORY_MIB, own);
        VM.prank(provider);
        uint256 hid = hardware.register(GTX_1050, device, agent, HOST_VCPUS, HOST_MEMORY_MIB, attestation);
        assertEq(hardware.ownerOf(hid), provider, "the owner the agent attested");
        assertTrue(squatterAgent != agent, "another key");
    }

    /// The attestation binds the chain too: the digest is EIP-712 on the registry's domain (chain id, address).
    function test_item14_attestationDigestIsEip712OnTheRegistryDomain() public {
        bytes32 device = keccak256("GPU-5f1b2c3d");
        bytes32 domain = keccak256(
            abi.encode(
                keccak256("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)"),
                keccak256("PowerVerse HardwareRegistry"),
                keccak256("1"),
                block.chainid,
                address(hardware)
            )
        );
        assertEq(hardware.domainSeparator(), domain, "domain");
        bytes32 structHash = keccak256(abi.encode(hardware.DEVICE_ATTESTATION_TYPEHASH(), device, provider));
        assertEq(
            hardware.attestationDigest(device, provider),
            keccak256(abi.encodePacked("\x19\x01", domain, structHash)),
            "digest"
        );
        bytes memory attestation = attest(agentKey, device, provider);
        VM.chainId(block.chainid + 1);
        VM.expectRevert();
        VM.prank(provider);
        hardware.register(GTX_1050, device, agent, HOST_VCPUS, HOST_MEMORY_MIB, attestation);
    }

    /// The vector published in contracts/README.md for the gpu-agent: Hardhat account #6 attests a device UUID for
    /// account #5 on the local chain's HardwareRegistry (its address on a fresh node).
    function test_item14_publishedAttestationVector() public pure {
        bytes32 device = keccak256("GPU-5f1b2c3d-0000-0000-0000-000000000000");
        assertEq(device, 0x3b992aa4846384de833422e8638c46c2b057757ef2147180607664642a2a5017, "device hash");
        bytes32 domain = keccak256(
            abi.encode(
                keccak256("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)"),
                keccak256("PowerVerse HardwareRegistry"),
                keccak256("1"),
                31_337,
                0x0165878A594ca255338adfa4d48449f69242Eb8F
            )
        );
        assertEq(domain, 0xce439f58312c12fa6d1bd7c815297cde893373ab0659caa67b5b755d78e2f5f9, "domain separator");
        bytes32 structHash = keccak256(
            abi.encode(
                keccak256("DeviceAttestation(bytes32 deviceHash,address owner)"),
                device,
                0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65
            )
        );
        bytes32 digest = keccak256(abi.encodePacked("\x19\x01", domain, structHash));
        assertEq(digest, 0xb1faad9bd34640abf08ad47a1168f75b2e891a9d8e3385da186d2b859e60b377, "digest");
        bytes memory signature = abi.encodePacked(
            bytes32(0xa220032623f921cb917d8cee47c93d8681beb12769b5d2ac813023ccfffa66b8),
            bytes32(0x55b1a3c5bb7ca904160c24d21a8a9739e3c614143a15775470949a97bfef1e34),
            uint8(0x1c)
        );
        assertEq(ECDSA.recover(digest, signature), 0x976EA74026E726554dB657fA54763abd0C3a0aa9, "the agent signed it");
    }
}
