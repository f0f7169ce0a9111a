// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {ResourceRegistry} from "../../contracts/assets/ResourceRegistry.sol";
import {UsageRights} from "../../contracts/assets/UsageRights.sol";
import {IPowerVerseAssets} from "../../contracts/interfaces/IPowerVerseAssets.sol";
import {IPowerVerseStaking} from "../../contracts/interfaces/IPowerVerseStaking.sol";
import {ProviderStaking} from "../../contracts/staking/ProviderStaking.sol";
import {Vm} from "./Vm.sol";

/// @title The provider's side for the invariant runner: unstaking, withdrawing and restaking on the HIDs the market
/// handler rents out, and carving resources out of those HIDs and retiring them. Calls that the contracts must refuse
/// (unstaking while locked, over-allocating a GPU) are made anyway; one that is not refused, or a call refused that
/// should not be, is recorded in `violation` (a revert would be discarded by the runner), which an invariant checks.
contract StakeHandler {
    /// @notice The first refusal that went wrong ("" while none did).
    string public violation;

    Vm private constant _VM = Vm(address(uint160(uint256(keccak256("hevm cheat code")))));

    ProviderStaking public immutable staking;
    ResourceRegistry public immutable resources;
    UsageRights public immutable usage;
    address public immutable provider;
    uint256[2] public hids;

    /// @dev Every VID this handler created and has not retired, per HID (the market handler's VIDs come on top).
    mapping(uint256 hid => uint256[] vids) private _extra;

    constructor(
        ProviderStaking staking_,
        ResourceRegistry resources_,
        UsageRights usage_,
        address provider_,
        uint256[2] memory hids_
    ) {
        staking = staking_;
        resources = resources_;
        usage = usage_;
        provider = provider_;
        hids = hids_;
    }

    function extraCount(uint256 hid) external view returns (uint256) {
        return _extra[hid].length;
    }

    function extra(uint256 hid, uint256 i) external view returns (uint256) {
        return _extra[hid][i];
    }

    function unstake(uint256 hidSeed, uint256 amountSeed) external {
        uint256 hid = hids[hidSeed % 2];
        uint256 staked = staking.stakeOf(hid).amount;
        if (staked == 0) return;
        uint256 amount = 1 + (amountSeed % staked);
        bool locked = block.timestamp < staking.lockedUntil(hid);
        _VM.prank(provider);
        try staking.requestUnstake(hid, amount) {
            if (locked) _violate("unstake while locked");
        } catch {
            if (!locked) _violate("unstake refused while unlocked");
        }
    }

    function withdraw(uint256 hidSeed) external {
        uint256 hid = hids[hidSeed % 2];
        IPowerVerseStaking.Stake memory s = staking.stakeOf(hid);
        if (s.unbonding == 0 || block.timestamp < s.unbondingEnd) return;
        bool locked = block.timestamp < staking.lockedUntil(hid);
        _VM.prank(provider);
        try staking.withdraw(hid) {
            if (locked) _violate("withdraw while locked");
        } catch {
            if (!locked) _violate("withdraw refused while unlocked");
        }
    }

    function restake(uint256 hidSeed, uint256 amountSeed) external {
        uint256 hid = hids[hidSeed % 2];
        _VM.prank(provider);
        staking.stake(hid, 1 + (amountSeed % 2000 ether));
    }

    function createResource(uint256 hidSeed, uint256 shareSeed) external {
        uint256 hid = hids[hidSeed % 2];
        uint16 share = uint16(1 + (shareSeed % 10_000));
        IPowerVerseAssets.Allocation memory a = resources.allocated(hid);
        IPowerVerseAssets.Hardware memory hw = resources.hardwareRegistry().hardware(hid);
        bool over = uint256(a.gpuShareBps) + share > 10_000 || uint256(a.vcpus) + 1 > hw.vcpus
            || uint256(a.memoryMiB) + 1024 > hw.memoryMiB;
        _VM.prank(provider);
        try resources.create(hid, share, 1, 1024, 10) returns (uint256 vid) {
            if (over) _violate("GPU share over 100 %");
            _extra[hid].push(vid);
        } catch {
            if (!over) _violate("a share within the GPU refused");
        }
    }

    function retireResource(uint256 hidSeed, uint256 indexSeed) external {
        uint256 hid = hids[hidSeed % 2];
        uint256[] storage list = _extra[hid];
        if (list.length == 0) return;
        uint256 i = indexSeed % list.length;
        uint256 vid = list[i];
        if (usage.liveUidOf(vid) != 0) return;
        _VM.prank(provider);
        resources.retire(vid);
        list[i] = list[list.length - 1];
        list.pop();
    }

    function _violate(string memory what) private {
        if (bytes(violation).length == 0) violation = what;
    }
}
