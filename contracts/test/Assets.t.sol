// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IERC721Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";
import {RevenueRights} from "../contracts/assets/RevenueRights.sol";
import {IERC4907} from "../contracts/interfaces/IERC4907.sol";
import {IPowerVerseAssets} from "../contracts/interfaces/IPowerVerseAssets.sol";
import {IPowerVerseParams} from "../contracts/interfaces/IPowerVerseParams.sol";
import {Fixture} from "./utils/Fixture.sol";

contract AssetsTest is Fixture {
    // ---------------------------------------------------------------- HID

    function test_register_storesHardwareAndMintsToCaller() public {
        VM.expectEmit();
        emit IPowerVerseAssets.HardwareRegistered(1, provider, RTX_4090, keccak256("gpu-0"), agent);
        VM.prank(provider);
        uint256 hid = hardware.register(
            RTX_4090, keccak256("gpu-0"), agent, HOST_VCPUS, HOST_MEMORY_MIB, attest(agentKey, keccak256("gpu-0"), provider)
        );
        assertEq(hid, 1, "first id");
        assertEq(hardware.ownerOf(hid), provider, "owner");
        IPowerVerseAssets.Hardware memory hw = hardware.hardware(hid);
        assertEq(hw.gpuModel, RTX_4090, "model");
        assertEq(hw.computeType, GPU, "type from model");
        assertEq(hw.agent, agent, "agent");
        assertEq(hardware.hidOfDevice(keccak256("gpu-0")), hid, "by device");
        assertEq(hardware.count(), 1, "count");
    }

    function test_register_sameDeviceTwice_reverts() public {
        registerHardware(keccak256("gpu-0"));
        VM.expectRevert(
            abi.encodeWithSelector(IPowerVerseAssets.HardwareRegistryDeviceRegistered.selector, keccak256("gpu-0"))
        );
        VM.prank(stranger);
        hardware.register(
            GTX_1050, keccak256("gpu-0"), agent, HOST_VCPUS, HOST_MEMORY_MIB, attest(agentKey, keccak256("gpu-0"), stranger)
        );
    }

    function test_register_unknownModelOrZeroAgent_reverts() public {
        VM.expectRevert(abi.encodeWithSelector(IPowerVerseParams.PowerParamsUnknownGpuModel.selector, 99));
        bytes memory attestation = attest(agentKey, keccak256("gpu-0"), address(this));
        hardware.register(99, keccak256("gpu-0"), agent, HOST_VCPUS, HOST_MEMORY_MIB, attestation);
        VM.expectRevert(IPowerVerseAssets.HardwareRegistryZeroAgent.selector);
        hardware.register(GTX_1050, keccak256("gpu-0"), address(0), HOST_VCPUS, HOST_MEMORY_MIB, attestation);
    }

    function test_register_zeroCapacity_reverts() public {
        VM.expectRevert(IPowerVerseAssets.HardwareRegistryZeroCapacity.selector);
        hardware.register(GTX_1050, keccak256("gpu-0"), agent, 0, HOST_MEMORY_MIB, "");
        VM.expectRevert(IPowerVerseAssets.HardwareRegistryZeroCapacity.selector);
        hardware.register(GTX_1050, keccak256("gpu-0"), agent, HOST_VCPUS, 0, "");
    }

    function test_setAgent_ownerOnly() public {
        uint256 hid = registerHardware(keccak256("gpu-0"));
        VM.expectRevert(abi.encodeWithSelector(IPowerVerseAssets.HardwareRegistryNotOwner.selector, hid, stranger));
        VM.prank(stranger);
        hardware.setAgent(hid, stranger);
        VM.expectRevert(IPowerVerseAssets.HardwareRegistryZeroAgent.selector);
        VM.prank(provider);
        hardware.setAgent(hid, address(0));
        VM.prank(provider);
        hardware.setAgent(hid, stranger);
        assertEq(hardware.hardware(hid).agent, stranger, "agent changed");
        VM.expectRevert(abi.encodeWithSelector(IERC721Errors.ERC721NonexistentToken.selector, 9));
        hardware.hardware(9);
    }

    function test_register_relayed_mintsToSigner() public {
        relay(
            providerKey,
            address(hardware),
            abi.encodeCall(
                hardware.register,
                (H100, keccak256("gpu-9"), agent, HOST_VCPUS, HOST_MEMORY_MIB, attest(agentKey, keccak256("gpu-9"), provider))
            )
        );
        assertEq(hardware.ownerOf(1), provider, "signer owns it, not the relayer");
    }

    // ---------------------------------------------------------------- VID

    function test_createResource_bindsToHardware() public {
        uint256 hid = registerHardware(keccak256("gpu-0"));
        VM.expectEmit();
        emit IPowerVerseAssets.ResourceCreated(1, hid, provider);
        uint256 vid = createResource(hid);
        assertEq(resources.ownerOf(vid), provider, "owner");
        assertEq(resources.hidOf(vid), hid, "hid");
        assertEq(resources.resource(vid).memoryMiB, 16_384, "memory");
        assertEq(resources.resourcesOf(hid).length, 1, "index");
        assertEq(resources.count(), 1, "count");
        assertEq(address(resources.hardwareRegistry()), address(hardware), "registry");
    }

    function test_createResource_notHardwareOwner_reverts() public {
        uint256 hid = registerHardware(keccak256("gpu-0"));
        VM.expectRevert(
            abi.encodeWithSelector(IPowerVerseAssets.ResourceRegistryNotHardwareOwner.selector, hid, stranger)
        );
        VM.prank(stranger);
        resources.create(hid, 10_000, 8, 16_384, 200);
    }

    function test_createResource_invalidSpec_reverts() public {
        uint256 hid = registerHardware(keccak256("gpu-0"));
        VM.startPrank(provider);
        VM.expectRevert(IPowerVerseAssets.ResourceRegistryInvalidSpec.selector);
        resources.create(hid, 0, 8, 16_384, 200);
        VM.expectRevert(IPowerVerseAssets.ResourceRegistryInvalidSpec.selector);
        resources.create(hid, 10_001, 8, 16_384, 200);
        VM.expectRevert(IPowerVerseAssets.ResourceRegistryInvalidSpec.selector);
        resources.create(hid, 5000, 0, 16_384, 200);
        VM.expectRevert(IPowerVerseAssets.ResourceRegistryInvalidSpec.selector);
        resources.create(hid, 5000, 8, 0, 200);
        VM.expectRevert(IPowerVerseAssets.ResourceRegistryInvalidSpec.selector);
        resources.create(hid, 5000, 8, 16_384, 0);
        VM.stopPrank();
        VM.expectRevert(abi.encodeWithSelector(IERC721Errors.ERC721NonexistentToken.selector, 5));
        resources.resource(5);
        VM.expectRevert(abi.encodeWithSelector(IERC721Errors.ERC721NonexistentToken.selector, 5));
        resources.hidOf(5);
    }

    // ---------------------------------------------------------------- UID

    function test_createUsage_bindsVid() public {
        uint256 vid = createResource(registerHardware(keccak256("gpu-0")));
        VM.expectEmit();
        emit IPowerVerseAssets.UsageRightCreated(1, vid, provider, DAY);
        uint256 uid = createUsage(vid);
        assertEq(usage.ownerOf(uid), provider, "owner");
        assertEq(usage.vidOf(uid), vid, "vid");
        assertEq(usage.liveUidOf(vid), uid, "bound");
        assertEq(usage.usageRight(uid).duration, DAY, "duration");
        assertEq(usage.userOf(uid), address(0), "no user yet");
        assertEq(usage.userExpires(uid), 0, "no expiry yet");
        assertFalse(usage.isRented(vid), "not rented");
    }

    function test_createUsage_boundVid_reverts() public {
        uint256 vid = createResource(registerHardware(keccak256("gpu-0")));
        uint256 uid = createUsage(vid);
        VM.expectRevert(abi.encodeWithSelector(IPowerVerseAssets.UsageRightsResourceBound.selector, vid, uid));
        VM.prank(provider);
        usage.create(vid, DAY);
    }

    function test_createUsage_notOwnerOrZeroDuration_reverts() public {
        uint256 vid = createResource(registerHardware(keccak256("gpu-0")));
        VM.expectRevert(abi.encodeWithSelector(IPowerVerseAssets.UsageRightsNotResourceOwner.selector, vid, stranger));
        VM.prank(stranger);
        usage.create(vid, DAY);
        VM.expectRevert(IPowerVerseAssets.UsageRightsZeroDuration.selector);
        VM.prank(provider);
        usage.create(vid, 0);
    }

    function test_retire_freesVid() public {
        uint256 vid = createResource(registerHardware(keccak256("gpu-0")));
        uint256 uid = createUsage(vid);
        VM.expectRevert(abi.encodeWithSelector(IPowerVerseAssets.UsageRightsNotOwner.selector, uid, stranger));
        VM.prank(stranger);
        usage.retire(uid);
        VM.prank(provider);
        usage.retire(uid);
        assertEq(usage.liveUidOf(vid), 0, "free");
        assertEq(createUsage(vid), 2, "a new UID binds the VID");
    }

    function test_retire_rented_reverts() public {
        (,, uint256 uid) = rentedUsage(keccak256("gpu-0"));
        VM.expectRevert(abi.encodeWithSelector(IPowerVerseAssets.UsageRightsAlreadyRented.selector, uid));
        VM.prank(provider);
        usage.retire(uid);
    }

    function test_rentTo_notByTheMarket_reverts() public {
        uint256 uid = createUsage(createResource(registerHardware(keccak256("gpu-0"))));
        bytes memory unauthorized = abi.encodeWithSelector(IPowerVerseAssets.UsageRightsNotMarket.selector, stranger);
        VM.expectRevert(unauthorized);
        VM.prank(stranger);
        usage.markListed(uid);
        VM.expectRevert(unauthorized);
        VM.prank(stranger);
        usage.rentTo(uid, stranger);
    }

    function test_rentTo_unlistedOrRented_reverts() public {
        VM.expectRevert(abi.encodeWithSelector(IPowerVerseAssets.UsageRightsNotListed.selector, 7));
        VM.prank(address(market));
        usage.rentTo(7, buyer);
        VM.expectRevert(abi.encodeWithSelector(IERC721Errors.ERC721NonexistentToken.selector, 7));
        VM.prank(address(market));
        usage.markListed(7);
        uint256 uid = createUsage(createResource(registerHardware(keccak256("gpu-0"))));
        VM.expectRevert(abi.encodeWithSelector(IPowerVerseAssets.UsageRightsNotListed.selector, uid));
        VM.prank(address(market));
        usage.rentTo(uid, buyer);
        VM.prank(address(market));
        usage.markListed(uid);
        VM.expectEmit();
        emit IERC4907.UpdateUser(uid, buyer, uint64(block.timestamp) + DAY);
        VM.prank(address(market));
        usage.rentTo(uid, buyer);
        VM.expectRevert(abi.encodeWithSelector(IPowerVerseAssets.UsageRightsNotListed.selector, uid));
        VM.prank(address(market));
        usage.rentTo(uid, stranger);
        VM.expectRevert(abi.encodeWithSelector(IPowerVerseAssets.UsageRightsAlreadyRented.selector, uid));
        VM.prank(address(market));
        usage.markListed(uid);
    }

    function test_transfer_clearsTheListing() public {
        uint256 uid = createUsage(createResource(registerHardware(keccak256("gpu-0"))));
        VM.prank(address(market));
        usage.markListed(uid);
        VM.prank(provider);
        usage.transferFrom(provider, stranger, uid);
        VM.expectRevert(abi.encodeWithSelector(IPowerVerseAssets.UsageRightsNotListed.selector, uid));
        VM.prank(address(market));
        usage.rentTo(uid, buyer);
    }

    function test_rental_expiresAtReadTime_andFreesVid() public {
        (, uint256 vid, uint256 uid) = rentedUsage(keccak256("gpu-0"));
        assertEq(usage.userOf(uid), buyer, "user");
        assertTrue(usage.isRented(vid), "rented");
        VM.warp(block.timestamp + DAY - 1);
        assertEq(usage.userOf(uid), buyer, "still user");
        VM.warp(block.timestamp + 1);
        assertEq(usage.userOf(uid), address(0), "expired");
        assertFalse(usage.isRented(vid), "not rented");
        assertEq(usage.liveUidOf(vid), 0, "VID free after expiry");
        assertEq(createUsage(vid), uid + 1, "new UID on the freed VID");
    }

    function test_setUser_alwaysReverts() public {
        uint256 uid = createUsage(createResource(registerHardware(keccak256("gpu-0"))));
        VM.expectRevert(IPowerVerseAssets.UsageRightsUserSetByMarket.selector);
        VM.prank(provider);
        usage.setUser(uid, stranger, uint64(block.timestamp + 10));
    }

    function test_transferWhileRented_keepsUser() public {
        (,, uint256 uid) = rentedUsage(keccak256("gpu-0"));
        VM.prank(provider);
        usage.transferFrom(provider, stranger, uid);
        assertEq(usage.userOf(uid), buyer, "user is still the buyer");
    }

    function test_supportsInterface_erc4907() public {
        assertTrue(usage.supportsInterface(0xad092b5c), "ERC-4907");
        assertTrue(usage.supportsInterface(0x80ac58cd), "ERC-721");
        assertFalse(usage.supportsInterface(0xffffffff), "none");
        assertTrue(revenue.supportsInterface(0xd9b67a26), "ERC-1155");
        VM.expectRevert(abi.encodeWithSelector(IERC721Errors.ERC721NonexistentToken.selector, 3));
        usage.usageRight(3);
        VM.expectRevert(abi.encodeWithSelector(IERC721Errors.ERC721NonexistentToken.selector, 3));
        usage.vidOf(3);
    }

    // ---------------------------------------------------------------- RID

    function test_mint_notByTheMarket_reverts() public {
        (address[] memory who, uint256[] memory shares) = beneficiaries();
        bytes memory notMarket = abi.encodeWithSelector(IPowerVerseAssets.RevenueRightsNotMarket.selector, stranger);
        VM.startPrank(stranger);
        VM.expectRevert(notMarket);
        revenue.mint(1, who, shares, GPU_WEIGHT);
        VM.expectRevert(notMarket);
        revenue.depositIncome(1, address(pvc), 1, 0);
        VM.expectRevert(notMarket);
        revenue.list(provider, 1, 1);
        VM.expectRevert(notMarket);
        revenue.unlist(provider, 1, 1);
        VM.expectRevert(notMarket);
        revenue.marketTransfer(provider, stranger, 1, 1);
        VM.stopPrank();
    }

    function test_mint_invalid_reverts() public {
        (address[] memory who, uint256[] memory shares) = beneficiaries();
        VM.expectRevert(abi.encodeWithSelector(IPowerVerseAssets.RevenueRightsInvalidShares.selector, 999, 1000));
        VM.prank(address(market));
        revenue.mint(1, who, shares, 999);
        VM.expectRevert(abi.encodeWithSelector(IPowerVerseAssets.RevenueRightsInvalidShares.selector, 1000, 0));
        VM.prank(address(market));
        revenue.mint(1, new address[](0), new uint256[](0), 1000);
        VM.expectRevert(abi.encodeWithSelector(IPowerVerseAssets.RevenueRightsInvalidShares.selector, 1000, 0));
        VM.prank(address(market));
        revenue.mint(1, who, new uint256[](1), 1000);
        VM.expectRevert(abi.encodeWithSelector(IPowerVerseAssets.RevenueRightsInvalidShares.selector, 0, 0));
        VM.prank(address(market));
        revenue.mint(1, who, new uint256[](2), 0);
        VM.prank(address(market));
        revenue.mint(1, who, shares, 1000);
        assertEq(revenue.totalSupply(1), 1000, "supply");
        assertEq(revenue.balanceOf(provider, 1), 600, "provider");
        VM.expectRevert(abi.encodeWithSelector(IPowerVerseAssets.RevenueRightsAlreadyMinted.selector, 1));
        VM.prank(address(market));
        revenue.mint(1, who, shares, 1000);
    }

    function test_depositIncome_invalid_reverts() public {
        VM.expectRevert(abi.encodeWithSelector(IPowerVerseAssets.RevenueRightsNotMinted.selector, 1));
        VM.prank(address(market));
        revenue.depositIncome(1, address(pvc), 10, 0);
        (address[] memory who, uint256[] memory shares) = beneficiaries();
        VM.prank(address(market));
        revenue.mint(1, who, shares, 1000);
        VM.expectRevert(IPowerVerseAssets.RevenueRightsZeroIncome.selector);
        VM.prank(address(market));
        revenue.depositIncome(1, address(pvc), 0, 0);
    }

    function test_claim_paysProRata_andTransfersKeepEarnings() public {
        (address[] memory who, uint256[] memory shares) = beneficiaries();
        VM.prank(address(market));
        revenue.mint(1, who, shares, 1000);
        pvc.transfer(address(revenue), 1000 ether);
        VM.prank(address(market));
        revenue.depositIncome(1, address(pvc), 1000 ether, 0);
        // holder2 sells 100 shares to the trader after the first deposit: it keeps what they earned.
        VM.prank(holder2);
        revenue.safeTransferFrom(holder2, trader, 1, 100, "");
        pvc.transfer(address(revenue), 1000 ether);
        VM.prank(address(market));
        revenue.depositIncome(1, address(pvc), 1000 ether, 0);
        assertEq(revenue.claimable(1, address(pvc), provider), 1200 ether, "provider 60% of both");
        assertEq(revenue.claimable(1, address(pvc), holder2), 400 ether + 300 ether, "40% then 30%");
        assertEq(revenue.claimable(1, address(pvc), trader), 100 ether, "10% of the second");
        VM.expectEmit();
        emit IPowerVerseAssets.IncomeClaimed(1, address(pvc), holder2, 700 ether);
        VM.prank(holder2);
        revenue.claim(1, address(pvc));
        assertEq(pvc.balanceOf(holder2), 700 ether, "paid");
        VM.expectRevert(
            abi.encodeWithSelector(IPowerVerseAssets.RevenueRightsNothingToClaim.selector, 1, address(pvc), holder2)
        );
        VM.prank(holder2);
        revenue.claim(1, address(pvc));
        assertEq(revenue.incomeTokens(1).length, 1, "one income token");
        assertEq(revenue.pool(1, address(pvc)).claimed, 700 ether, "claimed total");
    }

    /// @dev Supply 7 (so deposits rarely divide evenly), random deposits and transfers: holders never get more than
    /// was deposited, and the dust left behind stays below one wei per booking.
    function testFuzz_accumulator_exactUnderTransfers(uint256 seed) public {
        address[] memory who = new address[](3);
        (who[0], who[1], who[2]) = (provider, holder2, trader);
        uint256[] memory shares = new uint256[](3);
        (shares[0], shares[1], shares[2]) = (3, 2, 2);
        VM.prank(address(market));
        revenue.mint(1, who, shares, 7);
        uint256 deposited;
        uint256 bookings;
        for (uint256 step; step < 12; ++step) {
            uint256 r = uint256(keccak256(abi.encode(seed, step)));
            if (r % 3 != 0) {
                uint256 amount = 1 + ((r >> 8) % 1e24);
                pvc.transfer(address(revenue), amount);
                VM.prank(address(market));
                revenue.depositIncome(1, address(pvc), amount, 0);
                deposited += amount;
            } else {
                address from = who[(r >> 8) % 3];
                uint256 balance = revenue.balanceOf(from, 1);
                if (balance == 0) continue;
                VM.prank(from);
                revenue.safeTransferFrom(from, who[(r >> 16) % 3], 1, 1 + ((r >> 24) % balance), "");
                bookings += 2;
            }
            uint256 owed = revenue.claimable(1, address(pvc), who[0]) + revenue.claimable(1, address(pvc), who[1])
                + revenue.claimable(1, address(pvc), who[2]);
            assertLe(owed, deposited, "never more than deposited");
            assertLe(deposited - owed, bookings + 3 + 1, "dust below one wei per booking");
        }
        for (uint256 h; h < 3; ++h) {
            if (revenue.claimable(1, address(pvc), who[h]) == 0) continue;
            VM.prank(who[h]);
            revenue.claim(1, address(pvc));
        }
        assertLe(revenue.pool(1, address(pvc)).claimed, deposited, "claims never exceed deposits");
        assertEq(pvc.balanceOf(address(revenue)), deposited - revenue.pool(1, address(pvc)).claimed, "rest stays held");
    }

    /// @dev Streams of random lengths, deposits while an earlier stream runs, transfers and time passing: what holders
    /// can claim never exceeds what was released, never exceeds the deposits, and once every stream has ended all of
    /// it is released, less at most one wei per booking.
    function testFuzz_stream_exactUnderTransfersAndTime(uint256 seed) public {
        address[] memory who = new address[](3);
        (who[0], who[1], who[2]) = (provider, holder2, trader);
        uint256[] memory shares = new uint256[](3);
        (shares[0], shares[1], shares[2]) = (3, 2, 2);
        VM.prank(address(market));
        revenue.mint(1, who, shares, 7);
        uint256 deposited;
        uint256 bookings;
        for (uint256 step; step < 16; ++step) {
            uint256 r = uint256(keccak256(abi.encode(seed, step)));
            uint256 op = r % 4;
            if (op == 0) {
                uint256 amount = 1 + ((r >> 8) % 1e24);
                pvc.transfer(address(revenue), amount);
                VM.prank(address(market));
                revenue.depositIncome(1, address(pvc), amount, uint32((r >> 96) % (3 * DAY)));
                deposited += amount;
            } else if (op == 1) {
                VM.warp(block.timestamp + ((r >> 8) % DAY));
            } else if (op == 2) {
                address from = who[(r >> 8) % 3];
                uint256 balance = revenue.balanceOf(from, 1);
                if (balance == 0) continue;
                VM.prank(from);
                revenue.safeTransferFrom(from, who[(r >> 16) % 3], 1, 1 + ((r >> 24) % balance), "");
                bookings += 2;
            } else {
                address claimant = who[(r >> 8) % 3];
                if (revenue.claimable(1, address(pvc), claimant) == 0) continue;
                VM.prank(claimant);
                revenue.claim(1, address(pvc));
                bookings += 1;
            }
            uint256 owed = revenue.pool(1, address(pvc)).claimed + revenue.claimable(1, address(pvc), who[0])
                + revenue.claimable(1, address(pvc), who[1]) + revenue.claimable(1, address(pvc), who[2]);
            assertLe(owed, revenue.released(1, address(pvc)), "never more than released");
            assertLe(revenue.released(1, address(pvc)), deposited, "never more released than deposited");
        }
        VM.warp(block.timestamp + 3 * DAY);
        assertEq(revenue.released(1, address(pvc)), deposited, "all released once the streams end");
        uint256 total = revenue.pool(1, address(pvc)).claimed + revenue.claimable(1, address(pvc), who[0])
            + revenue.claimable(1, address(pvc), who[1]) + revenue.claimable(1, address(pvc), who[2]);
        assertLe(total, deposited, "never more than deposited");
        assertLe(deposited - total, bookings + 3 + 16, "dust below one wei per booking and release");
    }

    /// @dev Only the total released is stored; the pool's accumulator and carry follow from it. They equal, exactly,
    /// what booking every release into the accumulator with a carried remainder gives (the model here), under random
    /// deposits (at once or streamed, also while an earlier stream runs), time passing, transfers and claims, and the
    /// pool's deposited total is what was deposited.
    function testFuzz_pool_accumulatorIsTheCarriedSumOfReleases(uint256 seed) public {
        address[] memory who = new address[](3);
        (who[0], who[1], who[2]) = (provider, holder2, trader);
        uint256[] memory shares = new uint256[](3);
        (shares[0], shares[1], shares[2]) = (3, 2, 2);
        VM.prank(address(market));
        revenue.mint(1, who, shares, 7);
        uint256 scale = revenue.SCALE();
        (uint256 deposited, uint256 modelReleased, uint256 modelPerShare, uint256 modelCarry) = (0, 0, 0, 0);
        for (uint256 step; step < 20; ++step) {
            uint256 r = uint256(keccak256(abi.encode(seed, step)));
            uint256 op = r % 4;
            if (op == 0) {
                uint256 amount = 1 + ((r >> 8) % 1e24);
                pvc.transfer(address(revenue), amount);
                VM.prank(address(market));
                revenue.depositIncome(1, address(pvc), amount, (r >> 96) % 3 == 0 ? 0 : uint32((r >> 104) % (3 * DAY)));
                deposited += amount;
            } else if (op == 1) {
                VM.warp(block.timestamp + ((r >> 8) % DAY));
            } else if (op == 2) {
                address from = who[(r >> 8) % 3];
                uint256 balance = revenue.balanceOf(from, 1);
                if (balance == 0) continue;
                VM.prank(from);
                revenue.safeTransferFrom(from, who[(r >> 16) % 3], 1, 1 + ((r >> 24) % balance), "");
            } else {
                address claimant = who[(r >> 8) % 3];
                if (revenue.claimable(1, address(pvc), claimant) == 0) continue;
                VM.prank(claimant);
                revenue.claim(1, address(pvc));
            }
            RevenueRights.Pool memory p = revenue.pool(1, address(pvc));
            assertEq(p.deposited, deposited, "deposited total");
            uint256 releasedSoFar = p.deposited - p.streamRemaining;
            assertLe(modelReleased, releasedSoFar, "releases only add up");
            uint256 scaled = (releasedSoFar - modelReleased) * scale + modelCarry;
            (modelReleased, modelPerShare, modelCarry) = (releasedSoFar, modelPerShare + scaled / 7, scaled % 7);
            assertEq(p.perShare, modelPerShare, "accumulator");
            assertEq(p.carry, modelCarry, "carry");
            assertLe(p.perShare, revenue.perShareNow(1, address(pvc)), "the accumulator as of now only adds");
        }
    }
}
