using System.Numerics;
using Nethereum.Web3;
using PowerVerse.Chain.Contracts;
using PowerVerse.Chain.Deployment;

namespace PowerVerse.Client.Tokens;

/// <summary>
/// The payment tokens by the names people use — <c>PVC</c> (PowerVerseCoin) and <c>tUSD</c> (TestStablecoin) from the
/// deployment manifest, or any 0x address — and their <c>decimals()</c> (amounts: <see cref="PowerVerse.Domain.Tokens.TokenAmount"/>).
/// </summary>
public static class PaymentTokens
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["PVC"] = "PowerVerseCoin",
        ["tUSD"] = "TestStablecoin",
    };

    /// <summary>The token's address: a manifest name (PVC, tUSD, or the contract's own name) or a 0x address.</summary>
    /// <exception cref="ArgumentException">Neither.</exception>
    public static string Resolve(DeploymentManifest manifest, string token)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentException.ThrowIfNullOrEmpty(token);
        if (token.StartsWith("0x", StringComparison.OrdinalIgnoreCase) && token.Length == 42)
        {
            return token;
        }

        var contract = Names.TryGetValue(token, out var name) ? name : token;
        return manifest.Contracts.TryGetValue(contract, out var address)
            ? address
            : throw new ArgumentException($"Unknown token '{token}': use PVC, tUSD or a 0x address.", nameof(token));
    }

    /// <summary>ERC-20 <c>decimals()</c>.</summary>
    public static async Task<int> DecimalsAsync(IWeb3 web3, string token)
    {
        ArgumentNullException.ThrowIfNull(web3);
        return (int)await web3.Eth.GetContractQueryHandler<DecimalsFunction>().QueryAsync<BigInteger>(token, new DecimalsFunction());
    }
}
