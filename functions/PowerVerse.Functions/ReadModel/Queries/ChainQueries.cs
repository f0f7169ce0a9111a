using System.Numerics;
using Nethereum.Util;
using Nethereum.Web3;
using PowerVerse.Chain.Contracts;
using PowerVerse.Chain.Deployment;
using PowerVerse.Views;

namespace PowerVerse.Functions.ReadModel.Queries;

/// <summary>
/// The chain and its contracts as a client needs them (<c>GET /api/chain</c>): the deployment manifest's chain id and
/// addresses, and the tokens' ERC-20 metadata read from the tokens themselves, so that what a wallet shows is what
/// the contract says. The metadata of a deployed token never changes: it is read on the first request that finds
/// the node, then served from memory.
/// </summary>
public sealed class ChainQueries
{
    // The manifest's ERC-20 tokens, in the order a client lists them; TestStablecoin is deployed on the local chain only.
    private static readonly string[] TokenContracts = ["PowerVerseCoin", "TestStablecoin"];

    private readonly IWeb3 _web3;
    private readonly DeploymentManifest _manifest;
    private ChainView? _view;

    internal ChainQueries(IWeb3 web3, DeploymentManifest manifest)
    {
        _web3 = web3;
        _manifest = manifest;
    }

    /// <exception cref="Nethereum.JsonRpc.Client.RpcClientUnknownException">The node cannot be reached (nothing is cached then).</exception>
    public async Task<ChainView> ChainAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _view) is { } cached)
        {
            return cached;
        }

        var tokens = new List<TokenView>();
        foreach (var name in TokenContracts.Where(_manifest.Contracts.ContainsKey))
        {
            cancellationToken.ThrowIfCancellationRequested();
            tokens.Add(await TokenAsync(Checksum(_manifest[name])));
        }

        var contracts = _manifest.Contracts.ToDictionary(c => c.Key, c => Checksum(c.Value), StringComparer.Ordinal);
        var view = new ChainView(_manifest.ChainId, contracts, tokens);
        // Two first requests at once may both read the chain: they read the same facts, and either answer is kept.
        Volatile.Write(ref _view, view);
        return view;
    }

    private async Task<TokenView> TokenAsync(string address)
    {
        var symbol = _web3.Eth.GetContractQueryHandler<SymbolFunction>().QueryAsync<string>(address, new SymbolFunction());
        var name = _web3.Eth.GetContractQueryHandler<TokenNameFunction>().QueryAsync<string>(address, new TokenNameFunction());
        var decimals = _web3.Eth.GetContractQueryHandler<DecimalsFunction>().QueryAsync<BigInteger>(address, new DecimalsFunction());
        await Task.WhenAll(symbol, name, decimals);
        return new TokenView(await symbol, await name, address, (int)await decimals);
    }

    private static string Checksum(string address) => AddressUtil.Current.ConvertToChecksumAddress(address);
}
