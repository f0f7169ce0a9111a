using System.Globalization;
using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;
using Nethereum.Web3;
using PowerVerse.Chain.Deployment;

namespace PowerVerse.Client.Tokens;

/// <summary>
/// The payment tokens by the names people use — <c>PVC</c> (PowerVerseCoin) and <c>tUSD</c> (TestStablecoin) from the
/// deployment manifest, or any 0x address — and amounts in whole units scaled by the token's <c>decimals()</c>.
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

    /// <summary><paramref name="amount"/> whole units (e.g. "120" or "0.5") in the token's smallest unit.</summary>
    /// <exception cref="FormatException">Not a non-negative decimal number, or finer than the token's decimals.</exception>
    public static BigInteger Scale(string amount, int decimals)
    {
        ArgumentNullException.ThrowIfNull(amount);
        var parts = amount.Split('.');
        if (parts.Length > 2 || parts[0].Length == 0 || !parts.All(p => p.All(char.IsAsciiDigit))
            || (parts.Length == 2 && (parts[1].Length == 0 || parts[1].TrimEnd('0').Length > decimals)))
        {
            throw new FormatException($"'{amount}' is not an amount with at most {decimals} decimals.");
        }

        var fraction = parts.Length == 2 ? parts[1].TrimEnd('0') : string.Empty;
        var digits = parts[0] + fraction.PadRight(decimals, '0');
        return BigInteger.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
    }

    [Function("decimals", "uint8")]
    private sealed class DecimalsFunction : FunctionMessage;
}
