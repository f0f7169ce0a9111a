using System.Numerics;
using Nethereum.Contracts;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.Signer;
using Nethereum.Web3;
using PowerVerse.Chain.Contracts;
using PowerVerse.Chain.Deployment;
using PowerVerse.Chain.Forwarding;
using Eip712Domain = Nethereum.ABI.EIP712.Domain;

namespace PowerVerse.Client.Writes;

/// <summary>
/// Signs a user's writes (DESIGN §2, gasless use): the action's calldata in an ERC-2771 ForwardRequest to the
/// PowerForwarder, at the user's current forwarder nonce, with enough gas for any action and a deadline an hour ahead.
/// The nonce is read when signing, so sign a user's next write once the last one is on chain (two writes signed at
/// the same nonce cannot both execute).
/// </summary>
public sealed class WriteSigner
{
    /// <summary>What the forwarder forwards to the target: plenty for every action (registering hardware needs the most).</summary>
    public static readonly BigInteger Gas = 1_000_000;

    /// <summary>How long a signed write stays valid.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    private readonly EthECKey _user;
    private readonly DeploymentManifest _manifest;
    private readonly IWeb3 _web3;
    private readonly TimeProvider? _time;
    private readonly ForwarderClient _forwarder;
    private Eip712Domain? _domain;

    /// <param name="user">The user's key; it signs, the backend never holds it.</param>
    /// <param name="manifest">Where the contracts and the forwarder are.</param>
    /// <param name="web3">Reads the forwarder's domain and the user's nonce (and the chain's clock).</param>
    /// <param name="time">The clock the deadline is counted from; null: the chain's (its latest block), which a test
    /// node moved forward keeps ahead of the wall clock.</param>
    public WriteSigner(EthECKey user, DeploymentManifest manifest, IWeb3 web3, TimeProvider? time = null)
    {
        _user = user ?? throw new ArgumentNullException(nameof(user));
        _manifest = manifest ?? throw new ArgumentNullException(nameof(manifest));
        _web3 = web3 ?? throw new ArgumentNullException(nameof(web3));
        _time = time;
        _forwarder = new ForwarderClient(web3, manifest["PowerForwarder"]);
    }

    /// <summary>The signer's address (EIP-55).</summary>
    public string Address => _user.GetPublicAddress();

    public Task<PreparedWrite> RegisterHardwareAsync(uint gpuModel, byte[] deviceHash, string agent, ushort vcpus, uint memoryMiB, byte[] attestation) =>
        SignAsync(WriteRoutes.Hardware, "HardwareRegistry", new RegisterHardwareFunction
        {
            GpuModel = gpuModel, DeviceHash = deviceHash, Agent = agent, Vcpus = vcpus, MemoryMiB = memoryMiB, Attestation = attestation,
        });

    public Task<PreparedWrite> CreateResourceAsync(BigInteger hid, ushort gpuShareBps, ushort vcpus, uint memoryMiB, uint diskGiB) =>
        SignAsync(WriteRoutes.Resources, "ResourceRegistry", new CreateResourceFunction
        {
            Hid = hid, GpuShareBps = gpuShareBps, Vcpus = vcpus, MemoryMiB = memoryMiB, DiskGiB = diskGiB,
        });

    public Task<PreparedWrite> CreateUsageRightAsync(BigInteger vid, uint durationSeconds) =>
        SignAsync(WriteRoutes.UsageRights, "UsageRights", new CreateUsageRightFunction { Vid = vid, Duration = durationSeconds });

    /// <summary>A plain listing: the VID's revenue rights exist already (scenario 2).</summary>
    public Task<PreparedWrite> ListAsync(BigInteger uid, string token, BigInteger price) =>
        SignAsync(WriteRoutes.Listings, "ComputeMarket", new ListFunction { Uid = uid, Token = token, Price = price });

    /// <summary>A VID's first listing, minting its RID to the beneficiaries (scenario 1).</summary>
    public Task<PreparedWrite> ListWithRevenueRightsAsync(BigInteger uid, string token, BigInteger price, IReadOnlyList<(string Account, BigInteger Shares)> beneficiaries)
    {
        ArgumentNullException.ThrowIfNull(beneficiaries);
        return SignAsync(WriteRoutes.Listings, "ComputeMarket", new ListWithRevenueRightsFunction
        {
            Uid = uid, Token = token, Price = price,
            Beneficiaries = beneficiaries.Select(b => b.Account).ToList(), Shares = beneficiaries.Select(b => b.Shares).ToList(),
        });
    }

    /// <summary>Buys a UID at the price and in the token the buyer agrees to (the buyer approves the market first).</summary>
    public Task<PreparedWrite> BuyAsync(BigInteger uid, string token, BigInteger price, string? sshPublicKey = null) =>
        SignAsync(WriteRoutes.Purchases, "ComputeMarket", new BuyFunction { Uid = uid, Token = token, Price = price }, sshPublicKey);

    public Task<PreparedWrite> ClaimRevenueAsync(BigInteger vid, string token) =>
        SignAsync(WriteRoutes.RevenueClaims, "RevenueRights", new ClaimIncomeFunction { Vid = vid, Token = token });

    public Task<PreparedWrite> ListSharesAsync(BigInteger vid, BigInteger amount, string token, BigInteger unitPrice) =>
        SignAsync(WriteRoutes.RevenueListings, "ComputeMarket", new ListSharesFunction { Vid = vid, Amount = amount, Token = token, UnitPrice = unitPrice });

    public Task<PreparedWrite> BuySharesAsync(BigInteger listingId, BigInteger amount, string token, BigInteger unitPrice) =>
        SignAsync(WriteRoutes.RevenuePurchases, "ComputeMarket", new BuySharesFunction { ListingId = listingId, Amount = amount, Token = token, UnitPrice = unitPrice });

    /// <summary>Claims <paramref name="account"/>'s dividend of <paramref name="epoch"/>: its amount and Merkle proof (0x 32-byte hashes).</summary>
    public Task<PreparedWrite> ClaimDividendAsync(BigInteger epoch, string account, BigInteger amount, IEnumerable<string> proof) =>
        SignAsync(WriteRoutes.DividendClaims, "DividendDistributor", new ClaimDividendFunction
        {
            Epoch = epoch, Account = account, Amount = amount, Proof = proof.Select(p => p.HexToByteArray()).ToList(),
        });

    /// <summary>A proof of compute of the VID (scenario 3): the signer is its live UID's user or its provider.</summary>
    public Task<PreparedWrite> RequestProofAsync(BigInteger vid) =>
        SignAsync(WriteRoutes.Proofs, "ProofOfCompute", new RequestChallengeFunction { Vid = vid });

    /// <summary>Any action: <paramref name="call"/> on the manifest's <paramref name="contract"/>, for <paramref name="route"/>.</summary>
    public async Task<PreparedWrite> SignAsync<TFunction>(string route, string contract, TFunction call, string? sshPublicKey = null)
        where TFunction : FunctionMessage
    {
        ArgumentNullException.ThrowIfNull(call);
        _domain ??= await _forwarder.ReadDomainAsync();
        var deadline = (ulong)(await NowAsync() + Lifetime).ToUnixTimeSeconds();
        var request = await _forwarder.BuildAsync(Address, _manifest[contract], call.GetCallData(), Gas, deadline);
        var signed = ForwardRequestSigner.Sign(request, _domain, _user);
        var id = "0x" + Convert.ToHexStringLower(ForwardRequestSigner.Hash(request, _domain));
        return new PreparedWrite(route, SignedWrite.Of(signed, sshPublicKey), id);
    }

    private async Task<DateTimeOffset> NowAsync()
    {
        if (_time is not null)
        {
            return _time.GetUtcNow();
        }

        var block = await _web3.Eth.Blocks.GetBlockWithTransactionsHashesByNumber.SendRequestAsync(BlockParameter.CreateLatest());
        return DateTimeOffset.FromUnixTimeSeconds((long)block.Timestamp.Value);
    }
}
