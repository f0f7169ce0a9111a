// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Context} from "@openzeppelin/contracts/utils/Context.sol";
import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {ERC20Burnable} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Burnable.sol";
import {ERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Permit.sol";
import {ERC20Votes} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Votes.sol";
import {ERC2771Context} from "@openzeppelin/contracts/metatx/ERC2771Context.sol";
import {Nonces} from "@openzeppelin/contracts/utils/Nonces.sol";

/// @title PVC — the PowerVerse coin: ERC-20 with Votes and Permit, fixed supply of 1.4 billion (seed 001).
/// @notice The whole supply is minted once, at deployment; burning (part of the platform fee) lowers it.
contract PowerVerseCoin is ERC20, ERC20Burnable, ERC20Permit, ERC20Votes, ERC2771Context {
    /// @notice 1.4 billion PVC with 18 decimals.
    uint256 public constant FIXED_SUPPLY = 1_400_000_000 ether;

    /// @param holder receives the whole supply.
    /// @param forwarder the trusted ERC-2771 forwarder.
    constructor(address holder, address forwarder)
        ERC20("PowerVerse Coin", "PVC")
        ERC20Permit("PowerVerse Coin")
        ERC2771Context(forwarder)
    {
        _mint(holder, FIXED_SUPPLY);
    }

    /// @inheritdoc Nonces
    function nonces(address owner) public view override(ERC20Permit, Nonces) returns (uint256) {
        return super.nonces(owner);
    }

    function _update(address from, address to, uint256 value) internal override(ERC20, ERC20Votes) {
        super._update(from, to, value);
    }

    function _msgSender() internal view override(Context, ERC2771Context) returns (address) {
        return ERC2771Context._msgSender();
    }

    function _msgData() internal view override(Context, ERC2771Context) returns (bytes calldata) {
        return ERC2771Context._msgData();
    }

    function _contextSuffixLength() internal view override(Context, ERC2771Context) returns (uint256) {
        return ERC2771Context._contextSuffixLength();
    }
}
