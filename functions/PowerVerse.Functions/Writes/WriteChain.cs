using System.Numerics;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.Web3;
using PowerVerse.Chain.Deployment;
using PowerVerse.Chain.Forwarding;
using Eip712Domain = Nethereum.ABI.EIP712.Domain;

namespace PowerVerse.Functions.Writes;

/// <summary>
/// What the write path reads of the chain: the forwarder (its EIP-712 domain, read once from <c>eip712Domain()</c>,
/// and its nonces), our contracts' addresses, and the chain's clock (the forwarder judges deadlines by block time).
/// </summary>
public sealed class WriteChain(IWeb3 web3, DeploymentManifest manifest, TimeProvider time)
{
    private Task<Eip712Domain>? _domain;

    public DeploymentManifest Manifest { get; } = manifest;

    public IWeb3 Web3 { get; } = web3;

    public ForwarderClient Forwarder { get; } = new(web3, manifest["PowerForwarder"]);

    public Task<Eip712Domain> DomainAsync()
    {
        var domain = _domain ??= Forwarder.ReadDomainAsync();
        if (domain.IsFaulted)
        {
            // A node that was down when first asked: ask again next time.
            _domain = null;
        }

        return domain;
    }

    public Task<BigInteger> NonceAsync(string from) => Forwarder.NoncesAsync(from);

    /// <summary>The later of the wall clock and the latest block's time: a request the forwarder would refuse is refused here too.</summary>
    public async Task<DateTimeOffset> NowAsync()
    {
        var block = await Web3.Eth.Blocks.GetBlockWithTransactionsHashesByNumber.SendRequestAsync(BlockParameter.CreateLatest());
        var chainTime = DateTimeOffset.FromUnixTimeSeconds((long)block.Timestamp.Value);
        var wall = time.GetUtcNow();
        return chainTime > wall ? chainTime : wall;
    }

    /// <summary>The contract's name when the address is one of ours.</summary>
    public string? ContractAt(string address) =>
        Manifest.Contracts.FirstOrDefault(c => string.Equals(c.Value, address, StringComparison.OrdinalIgnoreCase)).Key;
}
