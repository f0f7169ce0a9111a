// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {ERC2771Context} from "@openzeppelin/contracts/metatx/ERC2771Context.sol";

/// @title The sender of a PowerVerse call: the direct caller, or the signer of an ERC-2771 ForwardRequest
/// relayed by the trusted forwarder (EIP-2771: the forwarder appends the 20-byte sender to the calldata).
abstract contract PowerVerseContext is ERC2771Context {
    constructor(address forwarder) ERC2771Context(forwarder) {}

    function _msgSender() internal view virtual override(ERC2771Context) returns (address) {
        return ERC2771Context._msgSender();
    }

    function _msgData() internal view virtual override(ERC2771Context) returns (bytes calldata) {
        return ERC2771Context._msgData();
    }

    function _contextSuffixLength() internal view virtual override(ERC2771Context) returns (uint256) {
        return ERC2771Context._contextSuffixLength();
    }
}
