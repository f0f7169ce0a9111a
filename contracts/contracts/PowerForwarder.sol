// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {ERC2771Forwarder} from "@openzeppelin/contracts/metatx/ERC2771Forwarder.sol";

/// @title PowerForwarder — the trusted ERC-2771 forwarder: users sign ForwardRequests (EIP-712, nonce,
/// deadline) and the platform relayer submits them (DESIGN.md §2, gasless use).
contract PowerForwarder is ERC2771Forwarder {
    constructor() ERC2771Forwarder("PowerVerse Forwarder") {}
}
