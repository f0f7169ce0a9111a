// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {ERC2771Forwarder} from "@openzeppelin/contracts/metatx/ERC2771Forwarder.sol";
import {HardwareRegistry} from "../../contracts/assets/HardwareRegistry.sol";
import {ResourceRegistry} from "../../contracts/assets/ResourceRegistry.sol";
import {RevenueRights} from "../../contracts/assets/RevenueRights.sol";
import {UsageRights} from "../../contracts/assets/UsageRights.sol";
import {DividendDistributor} from "../../contracts/dividends/DividendDistributor.sol";
import {PowerParams} from "../../contracts/governance/PowerParams.sol";
import {ComputeMarket} from "../../contracts/market/ComputeMarket.sol";
import {TestStablecoin} from "../../contracts/mocks/TestStablecoin.sol";
import {PowerForwarder} from "../../contracts/PowerForwarder.sol";
import {ProofOfCompute} from "../../contracts/proof/ProofOfCompute.sol";
import {ProviderStaking} from "../../contracts/staking/ProviderStaking.sol";
import {PowerVerseCoin} from "../../contracts/tokens/PowerVerseCoin.sol";
import {TestBase} from "./TestBase.sol";

/// @title The whole suite, deployed and seeded like the local network, for the unit and scenario tests.
/// @dev PowerParams is owned by this contract here (it stands in for the timelock); GovernanceTest drives the real
/// Governor → Timelock path.
abstract contract Fixture is TestBase {
    uint32 internal constant GPU = 1;
    uint32 internal constant CPU = 2;
    uint32 internal constant GTX_1050 = 1;
    uint32 internal constant RTX_4090 = 3;
    uint32 internal constant H100 = 5;
    uint256 internal constant GPU_WEIGHT = 1000;
    uint8 internal constant DIFFICULTY = 8;
    uint16 internal constant SHARES = 16;
    uint32 internal constant DEADLINE = 300;
    uint16 internal constant FEE_BPS = 500;
    uint16 internal constant BURN_BPS = 2000;
    uint16 internal constant USD_DISCOUNT_BPS = 2000;
    uint16 internal constant SLASH_BPS = 1000;
    uint256 internal constant MIN_STAKE = 1000 ether;
    uint32 internal constant DAY = 1 days;
    uint256 internal constant PRICE = 100 ether;
    uint32 internal constant DISPUTE_WINDOW = 1 hours;
    uint256 internal constant CLAIM_PERIOD = 180 days;
    uint32 internal constant COOLDOWN = 10 minutes;
    uint16 internal constant HOST_VCPUS = 32;
    uint32 internal constant HOST_MEMORY_MIB = 131_072;

    bytes32 internal constant FORWARD_REQUEST_TYPEHASH = keccak256(
        "ForwardRequest(address from,address to,uint256 value,uint256 gas,uint256 nonce,uint48 deadline,bytes data)"
    );

    PowerForwarder internal forwarder;
    PowerVerseCoin internal pvc;
    TestStablecoin internal usd;
    PowerParams internal params;
    HardwareRegistry internal hardware;
    ResourceRegistry internal resources;
    UsageRights internal usage;
    RevenueRights internal revenue;
    ComputeMarket internal market;
    ProofOfCompute internal proof;
    ProviderStaking internal staking;
    DividendDistributor internal dividends;

    address internal treasury;
    address internal challenger;
    address internal settler;
    address internal relayer;
    address internal provider;
    uint256 internal providerKey;
    address internal buyer;
    uint256 internal buyerKey;
    address internal holder2;
    address internal trader;
    uint256 internal traderKey;
    address internal agent;
    uint256 internal agentKey;
    address internal stranger;

    function setUp() public virtual {
        (treasury,) = makeAccount("treasury");
        (challenger,) = makeAccount("challenger");
        (settler,) = makeAccount("settler");
        (relayer,) = makeAccount("relayer");
        (provider, providerKey) = makeAccount("provider");
        (buyer, buyerKey) = makeAccount("buyer");
        (holder2,) = makeAccount("holder2");
        (trader, traderKey) = makeAccount("trader");
        (agent, agentKey) = makeAccount("agent");
        (stranger,) = makeAccount("stranger");

        forwarder = new PowerForwarder();
        address fwd = address(forwarder);
        pvc = new PowerVerseCoin(address(this), fwd);
        usd = new TestStablecoin();
        params = new PowerParams(address(this), treasury);
        hardware = new HardwareRegistry(params, fwd);
        resources = new ResourceRegistry(hardware, fwd);
        usage = new UsageRights(resources, fwd);
        revenue = new RevenueRights(fwd);
        proof = new ProofOfCompute(params, usage, address(this), fwd);
        staking = new ProviderStaking(pvc, params, usage, proof, address(this), fwd);
        market = new ComputeMarket(params, usage, revenue, pvc, staking, address(this), fwd);
        dividends = new DividendDistributor(address(this), fwd, CLAIM_PERIOD);

        resources.bindUsageRights(usage);
        usage.bindMarket(address(market));
        revenue.bindMarket(address(market));
        market.grantRole(market.CHALLENGER_ROLE(), challenger);
        proof.grantRole(proof.CHALLENGER_ROLE(), challenger);
        staking.grantRole(staking.CHALLENGER_ROLE(), challenger);
        dividends.grantRole(dividends.SETTLER_ROLE(), settler);

        params.addComputeType(GPU, "GPU");
        params.addComputeType(CPU, "CPU");
        params.addGpuModel(GTX_1050, GPU, "GTX 1050", 2048);
        params.addGpuModel(2, GPU, "RTX 3080", 10_240);
        params.addGpuModel(RTX_4090, GPU, "RTX 4090", 24_576);
        params.addGpuModel(4, GPU, "A100", 81_920);
        params.addGpuModel(H100, GPU, "H100", 81_920);
        params.addGpuModel(6, GPU, "H200", 143_360);
        params.addProofParams(GPU, DIFFICULTY, SHARES, DEADLINE);
        params.setRevenueWeight(GPU, GPU_WEIGHT);
        params.setFees(FEE_BPS, BURN_BPS);
        params.setAcceptedToken(address(pvc), true, 0);
        params.setAcceptedToken(address(usd), true, USD_DISCOUNT_BPS);
        params.setMinStake(GPU, MIN_STAKE);
        params.setSlashRate(SLASH_BPS);
        params.setDisputeWindow(DISPUTE_WINDOW);
        params.setChallengeCooldown(COOLDOWN);

        pvc.transfer(buyer, 1_000_000 ether);
        pvc.transfer(trader, 1_000_000 ether);
        pvc.transfer(provider, 1_000_000 ether);
        pvc.transfer(settler, 1_000_000 ether);
        usd.mint(buyer, 1_000_000e6);
        usd.mint(trader, 1_000_000e6);
        VM.prank(buyer);
        pvc.approve(address(market), type(uint256).max);
        VM.prank(buyer);
        usd.approve(address(market), type(uint256).max);
        VM.prank(trader);
        pvc.approve(address(market), type(uint256).max);
        VM.prank(provider);
        pvc.approve(address(staking), type(uint256).max);
        VM.prank(settler);
        pvc.approve(address(dividends), type(uint256).max);
    }

    // ---------------------------------------------------------------- flows

    /// @dev An HID of the provider with the minimum stake, ready to list.
    function registerHardware(bytes32 device) internal returns (uint256 hid) {
        hid = registerBareHardware(device);
        VM.prank(provider);
        staking.stake(hid, MIN_STAKE);
    }

    /// @dev An HID of the provider without stake.
    function registerBareHardware(bytes32 device) internal returns (uint256 hid) {
        VM.prank(provider);
        hid = hardware.register(GTX_1050, device, agent, HOST_VCPUS, HOST_MEMORY_MIB, attest(agentKey, device, provider));
    }

    /// @dev The first moment anyone may settle a UID's rental: its end plus the dispute window.
    function settleableAt(uint256 uid) internal view returns (uint256) {
        return usage.userExpires(uid) + DISPUTE_WINDOW;
    }

    function createResource(uint256 hid) internal returns (uint256 vid) {
        VM.prank(provider);
        vid = resources.create(hid, 10_000, 8, 16_384, 200);
    }

    function createUsage(uint256 vid) internal returns (uint256 uid) {
        VM.prank(provider);
        uid = usage.create(vid, DAY);
    }

    function beneficiaries() internal view returns (address[] memory who, uint256[] memory shares) {
        who = new address[](2);
        shares = new uint256[](2);
        who[0] = provider;
        who[1] = holder2;
        shares[0] = 600;
        shares[1] = 400;
    }

    function firstListing(uint256 uid, address token, uint256 price) internal {
        (address[] memory who, uint256[] memory shares) = beneficiaries();
        VM.prank(provider);
        market.listWithRevenueRights(uid, token, price, who, shares);
    }

    /// @dev HID → VID → UID → first listing at PRICE in PVC.
    function listedUsage(bytes32 device) internal returns (uint256 hid, uint256 vid, uint256 uid) {
        hid = registerHardware(device);
        vid = createResource(hid);
        uid = createUsage(vid);
        firstListing(uid, address(pvc), PRICE);
    }

    /// @dev A listed UID bought by `buyer`.
    function rentedUsage(bytes32 device) internal returns (uint256 hid, uint256 vid, uint256 uid) {
        (hid, vid, uid) = listedUsage(device);
        VM.prank(buyer);
        market.buy(uid, address(pvc), PRICE);
    }

    /// @dev The challenger's secret salt for a challenge (any 32 bytes it keeps until it submits the result).
    function saltOf(uint256 challengeId) internal pure returns (bytes32) {
        return keccak256(abi.encode("challenger salt", challengeId));
    }

    /// @dev The challenger dispatches a requested challenge, committing saltOf(id); returns the agent's seed.
    function dispatch(uint256 challengeId) internal returns (bytes32 seed) {
        VM.prank(challenger);
        proof.dispatch(challengeId, keccak256(abi.encodePacked(saltOf(challengeId))));
        seed = keccak256(abi.encodePacked(proof.challengeOf(challengeId).entropy, saltOf(challengeId)));
    }

    /// @dev `requester` requests a challenge of a VID and the challenger dispatches it; returns its id and seed.
    function requestAndDispatch(uint256 vid, address requester) internal returns (uint256 id, bytes32 seed) {
        VM.prank(requester);
        id = proof.requestChallenge(vid);
        seed = dispatch(id);
    }

    /// @dev A challenge of a VID that its agent missed: dispatched by the challenger, expired after its deadline.
    function missedChallenge(uint256 vid) internal returns (uint256 id) {
        (id,) = requestAndDispatch(vid, challenger);
        VM.warp(proof.challengeOf(id).deadline + 1);
        proof.expire(id);
    }

    // ---------------------------------------------------------------- device attestation

    /// @dev The agent's EIP-712 DeviceAttestation(bytes32 deviceHash,address owner) signature on the HardwareRegistry's
    /// domain, built here from the specification (not from the contract's helper).
    function attest(uint256 key, bytes32 device, address owner) internal view returns (bytes memory) {
        bytes32 domain = keccak256(
            abi.encode(
                keccak256("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)"),
                keccak256("PowerVerse HardwareRegistry"),
                keccak256("1"),
                block.chainid,
                address(hardware)
            )
        );
        bytes32 structHash =
            keccak256(abi.encode(keccak256("DeviceAttestation(bytes32 deviceHash,address owner)"), device, owner));
        (uint8 v, bytes32 r, bytes32 s) = VM.sign(key, keccak256(abi.encodePacked("\x19\x01", domain, structHash)));
        return abi.encodePacked(r, s, v);
    }

    // ---------------------------------------------------------------- ERC-2771

    function forwarderDomain() internal view returns (bytes32) {
        return keccak256(
            abi.encode(
                keccak256("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)"),
                keccak256("PowerVerse Forwarder"),
                keccak256("1"),
                block.chainid,
                address(forwarder)
            )
        );
    }

    /// @dev A ForwardRequest for `data` on `to`, signed by `key` (EIP-712, OpenZeppelin ERC2771Forwarder).
    function signedRequest(uint256 key, address to, bytes memory data, uint48 deadline)
        internal
        view
        returns (ERC2771Forwarder.ForwardRequestData memory request)
    {
        address from = VM.addr(key);
        bytes32 structHash = keccak256(
            abi.encode(
                FORWARD_REQUEST_TYPEHASH, from, to, 0, 1_000_000, forwarder.nonces(from), deadline, keccak256(data)
            )
        );
        bytes32 digest = keccak256(abi.encodePacked("\x19\x01", forwarderDomain(), structHash));
        (uint8 v, bytes32 r, bytes32 s) = VM.sign(key, digest);
        request = ERC2771Forwarder.ForwardRequestData({
            from: from,
            to: to,
            value: 0,
            gas: 1_000_000,
            deadline: deadline,
            data: data,
            signature: abi.encodePacked(r, s, v)
        });
    }

    function relay(uint256 key, address to, bytes memory data) internal {
        ERC2771Forwarder.ForwardRequestData memory request =
            signedRequest(key, to, data, uint48(block.timestamp + 1 hours));
        VM.prank(relayer);
        forwarder.execute(request);
    }

    // ---------------------------------------------------------------- proofs

    /// @dev Finds `count` strictly increasing valid nonces for (seed, agent) by looping keccak, as the agent does.
    function solve(bytes32 seed, address who, uint8 difficulty, uint256 count)
        internal
        pure
        returns (uint64[] memory nonces)
    {
        nonces = new uint64[](count);
        uint256 found;
        for (uint64 nonce; found < count; ++nonce) {
            if (uint256(keccak256(abi.encodePacked(seed, who, nonce))) >> (256 - uint256(difficulty)) == 0) {
                nonces[found++] = nonce;
            }
        }
    }

    function signResult(
        uint256 key,
        uint256 challengeId,
        uint256 vid,
        bytes32 seed,
        uint64[] memory nonces,
        uint64 startedAt,
        uint64 finishedAt
    ) internal view returns (bytes memory) {
        bytes32 structHash = keccak256(
            abi.encode(
                proof.PROOF_RESULT_TYPEHASH(),
                challengeId,
                vid,
                seed,
                keccak256(abi.encodePacked(nonces)),
                startedAt,
                finishedAt
            )
        );
        bytes32 digest = keccak256(abi.encodePacked("\x19\x01", proof.domainSeparator(), structHash));
        (uint8 v, bytes32 r, bytes32 s) = VM.sign(key, digest);
        return abi.encodePacked(r, s, v);
    }
}
