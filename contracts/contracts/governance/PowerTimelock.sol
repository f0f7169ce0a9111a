// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {TimelockController} from "@openzeppelin/contracts/governance/TimelockController.sol";

/// @title PowerTimelock — executes passed PowerGovernor proposals after a delay; owns PowerParams.
contract PowerTimelock is TimelockController {
    /// @param minDelay seconds between queue and execution.
    /// @param proposers the Governor (proposer and canceller).
    /// @param executors who may execute a ready operation (address(0) = anyone).
    /// @param admin an optional bootstrap admin that must renounce after setup (address(0) = none).
    constructor(uint256 minDelay, address[] memory proposers, address[] memory executors, address admin)
        TimelockController(minDelay, proposers, executors, admin)
    {}
}
