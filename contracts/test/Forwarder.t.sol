// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {ERC2771Forwarder} from "@openzeppelin/contracts/metatx/ERC2771Forwarder.sol";
import {Fixture} from "./utils/Fixture.sol";

/// @notice ERC-2771 relaying: the signer acts, a replayed, expired, forged or untrusted request is refused.
contract ForwarderTest is Fixture {
    function _registerCall(bytes32 device) private view returns (bytes memory) {
        return abi.encodeCall(
            hardware.register, (GTX_1050, device, agent, HOST_VCPUS, HOST_MEMORY_MIB, attest(agentKey, device, provider))
        );
    }

    function test_execute_signedRequest_actsAsSigner() public {
        ERC2771Forwarder.ForwardRequestData memory request =
            signedRequest(providerKey, address(hardware), _registerCall("d1"), uint48(block.timestamp + 60));
        assertTrue(forwarder.verify(request), "verifies");
        VM.prank(relayer);
        forwarder.execute(request);
        assertEq(hardware.ownerOf(1), provider, "signer");
        assertEq(forwarder.nonces(provider), 1, "nonce used");
    }

    function test_execute_replay_reverts() public {
        ERC2771Forwarder.ForwardRequestData memory request =
            signedRequest(providerKey, address(hardware), _registerCall("d1"), uint48(block.timestamp + 60));
        VM.prank(relayer);
        forwarder.execute(request);
        assertFalse(forwarder.verify(request), "stale nonce");
        // The signature now recovers another address, because the forwarder hashes the next nonce.
        VM.expectRevert();
        VM.prank(relayer);
        forwarder.execute(request);
        assertEq(hardware.count(), 1, "executed once");
    }

    function test_execute_expired_reverts() public {
        uint48 deadline = uint48(block.timestamp + 60);
        ERC2771Forwarder.ForwardRequestData memory request =
            signedRequest(providerKey, address(hardware), _registerCall("d1"), deadline);
        VM.warp(deadline + 1);
        VM.expectRevert(abi.encodeWithSelector(ERC2771Forwarder.ERC2771ForwarderExpiredRequest.selector, deadline));
        VM.prank(relayer);
        forwarder.execute(request);
    }

    function test_execute_tamperedData_reverts() public {
        ERC2771Forwarder.ForwardRequestData memory request =
            signedRequest(providerKey, address(hardware), _registerCall("d1"), uint48(block.timestamp + 60));
        request.data = _registerCall("d2");
        VM.expectRevert();
        VM.prank(relayer);
        forwarder.execute(request);
        assertEq(hardware.count(), 0, "nothing registered");
    }

    function test_execute_untrustfulTarget_reverts() public {
        ERC2771Forwarder.ForwardRequestData memory request =
            signedRequest(providerKey, address(usd), abi.encodeCall(usd.mint, (provider, 1)), uint48(block.timestamp + 60));
        VM.expectRevert(
            abi.encodeWithSelector(ERC2771Forwarder.ERC2771UntrustfulTarget.selector, address(usd), address(forwarder))
        );
        VM.prank(relayer);
        forwarder.execute(request);
    }

    function test_trustedForwarder_everyContract() public view {
        assertTrue(hardware.isTrustedForwarder(address(forwarder)), "HID");
        assertTrue(resources.isTrustedForwarder(address(forwarder)), "VID");
        assertTrue(usage.isTrustedForwarder(address(forwarder)), "UID");
        assertTrue(revenue.isTrustedForwarder(address(forwarder)), "RID");
        assertTrue(market.isTrustedForwarder(address(forwarder)), "market");
        assertTrue(proof.isTrustedForwarder(address(forwarder)), "proof");
        assertTrue(staking.isTrustedForwarder(address(forwarder)), "staking");
        assertTrue(dividends.isTrustedForwarder(address(forwarder)), "dividends");
        assertTrue(pvc.isTrustedForwarder(address(forwarder)), "PVC");
    }

    function test_relayedActions_everyUserAction() public {
        relay(providerKey, address(hardware), _registerCall("d1"));
        relay(providerKey, address(staking), abi.encodeCall(staking.stake, (1, MIN_STAKE)));
        relay(providerKey, address(resources), abi.encodeCall(resources.create, (1, 10_000, 8, 16_384, 200)));
        relay(providerKey, address(usage), abi.encodeCall(usage.create, (1, DAY)));
        (address[] memory who, uint256[] memory shares) = beneficiaries();
        relay(
            providerKey,
            address(market),
            abi.encodeCall(market.listWithRevenueRights, (1, address(pvc), PRICE, who, shares))
        );
        relay(buyerKey, address(market), abi.encodeCall(market.buy, (1, address(pvc), PRICE)));
        relay(buyerKey, address(proof), abi.encodeCall(proof.requestChallenge, (1)));
        relay(providerKey, address(market), abi.encodeCall(market.listShares, (1, 100, address(pvc), 1 ether)));
        relay(traderKey, address(market), abi.encodeCall(market.buyShares, (1, 40, address(pvc), 1 ether)));
        VM.warp(block.timestamp + DAY + DISPUTE_WINDOW);
        relay(traderKey, address(market), abi.encodeCall(market.settle, (1)));
        VM.warp(block.timestamp + DAY);
        relay(traderKey, address(revenue), abi.encodeCall(revenue.claim, (1, address(pvc))));
        relay(providerKey, address(pvc), abi.encodeCall(pvc.transfer, (stranger, 1 ether)));
        assertEq(usage.userExpires(1) + DISPUTE_WINDOW + DAY, block.timestamp, "rented by the buyer");
        assertEq(revenue.balanceOf(trader, 1), 40, "shares bought");
        assertEq(pvc.balanceOf(stranger), 1 ether, "PVC transfer relayed");
        assertEq(proof.count(), 1, "challenge requested");
        assertEq(forwarder.nonces(trader), 3, "three trader requests");
    }
}
