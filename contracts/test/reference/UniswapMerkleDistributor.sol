// SPDX-License-Identifier: GPL-3.0-or-later
pragma solidity 0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {MerkleProof} from "@openzeppelin/contracts/utils/cryptography/MerkleProof.sol";

/// @title The gas reference for dividend claims: Uniswap's MerkleDistributor (github.com/Uniswap/merkle-distributor,
/// contracts/MerkleDistributor.sol), reproduced with its logic unchanged (index bitmap, leaf
/// keccak256(abi.encodePacked(index, account, amount)), sorted-pair proof, plain transfer) so that the gas report
/// measures it in the same run as DividendDistributor.claim.
contract UniswapMerkleDistributor {
    address public immutable token;
    bytes32 public immutable merkleRoot;
    mapping(uint256 wordIndex => uint256 bits) private _claimedBitMap;

    event Claimed(uint256 index, address account, uint256 amount);

    error UniswapMerkleDistributorAlreadyClaimed();
    error UniswapMerkleDistributorInvalidProof();
    error UniswapMerkleDistributorTransferFailed();

    constructor(address token_, bytes32 merkleRoot_) {
        token = token_;
        merkleRoot = merkleRoot_;
    }

    function isClaimed(uint256 index) public view returns (bool) {
        uint256 word = _claimedBitMap[index / 256];
        uint256 mask = (1 << (index % 256));
        return word & mask == mask;
    }

    function claim(uint256 index, address account, uint256 amount, bytes32[] calldata merkleProof) external {
        if (isClaimed(index)) revert UniswapMerkleDistributorAlreadyClaimed();
        bytes32 node = keccak256(abi.encodePacked(index, account, amount));
        if (!MerkleProof.verify(merkleProof, merkleRoot, node)) revert UniswapMerkleDistributorInvalidProof();
        _claimedBitMap[index / 256] = _claimedBitMap[index / 256] | (1 << (index % 256));
        if (!IERC20(token).transfer(account, amount)) revert UniswapMerkleDistributorTransferFailed();
        emit Claimed(index, account, amount);
    }
}
