// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {Fixture} from "./utils/Fixture.sol";

/// @notice Every role-holding contract refuses role changes from an account without the admin role.
contract AccessControlTest is Fixture {
    function _contracts() private view returns (IAccessControl[4] memory) {
        return [
            IAccessControl(address(market)),
            IAccessControl(address(proof)),
            IAccessControl(address(staking)),
            IAccessControl(address(dividends))
        ];
    }

    function test_grantRole_withoutAdmin_reverts() public {
        IAccessControl[4] memory all = _contracts();
        for (uint256 i; i < all.length; ++i) {
            VM.expectRevert(
                abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, stranger, bytes32(0))
            );
            VM.prank(stranger);
            all[i].grantRole(keccak256("CHALLENGER_ROLE"), stranger);
        }
    }

    function test_revokeRole_withoutAdmin_reverts() public {
        bytes32 role = market.CHALLENGER_ROLE();
        VM.expectRevert(
            abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, challenger, bytes32(0))
        );
        VM.prank(challenger);
        market.revokeRole(role, challenger);
    }

    function test_revokedChallenger_losesPrivileges() public {
        (,, uint256 uid) = rentedUsage(keccak256("gpu-0"));
        market.revokeRole(market.CHALLENGER_ROLE(), challenger);
        VM.expectRevert(
            abi.encodeWithSelector(
                IAccessControl.AccessControlUnauthorizedAccount.selector, challenger, market.CHALLENGER_ROLE()
            )
        );
        VM.prank(challenger);
        market.refund(uid, 1, bytes32(0));
    }
}
