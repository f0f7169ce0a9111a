// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @title The Foundry cheatcodes used by the tests (Hardhat 3's Solidity test runner implements them).
/// @dev The subset of forge-std's Vm interface the suite needs; forge-std itself is not on the npm registry.
// solhint-disable-next-line interface-starts-with-i
interface Vm {
    function prank(address sender) external;
    function startPrank(address sender) external;
    function stopPrank() external;
    function warp(uint256 timestamp) external;
    function store(address target, bytes32 slot, bytes32 value) external;
    function load(address target, bytes32 slot) external view returns (bytes32);
    function roll(uint256 blockNumber) external;
    function prevrandao(bytes32 value) external;
    function chainId(uint256 newChainId) external;
    function expectRevert(bytes calldata revertData) external;
    function expectRevert(bytes4 selector) external;
    function expectRevert() external;
    function expectEmit(bool checkTopic1, bool checkTopic2, bool checkTopic3, bool checkData) external;
    function expectEmit() external;
    function deal(address account, uint256 balance) external;
    function sign(uint256 privateKey, bytes32 digest) external pure returns (uint8 v, bytes32 r, bytes32 s);
    function addr(uint256 privateKey) external pure returns (address);
    function assume(bool condition) external pure;
    function label(address account, string calldata newLabel) external;
    function getNonce(address account) external view returns (uint64);
    function startSnapshotGas(string calldata name) external;
    function stopSnapshotGas() external returns (uint256 gasUsed);
}
