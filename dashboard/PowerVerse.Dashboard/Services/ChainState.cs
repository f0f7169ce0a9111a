using System.Globalization;
using System.Numerics;
using PowerVerse.Domain.Tokens;
using PowerVerse.Views;

namespace PowerVerse.Dashboard.Services;

/// <summary>
/// The chain as <c>GET /api/chain</c> describes it, read once: contract addresses by name and the payment tokens, with
/// amounts shown and read in each token's own decimals and symbol.
/// </summary>
public sealed class ChainState(DashboardApi api)
{
    private Task<ChainView>? _chain;

    public Task<ChainView> GetAsync(CancellationToken cancellationToken = default) =>
        _chain ??= api.GetAsync<ChainView>("chain", cancellationToken: cancellationToken);

    /// <summary>A contract's address by its name (e.g. "ComputeMarket").</summary>
    public async Task<string> AddressOfAsync(string contract) =>
        (await GetAsync()).Contracts.TryGetValue(contract, out var address) ? address
        : throw new InvalidOperationException($"The API names no contract '{contract}'.");

    /// <summary>The token at <paramref name="address"/>, or null for an address that is no payment token.</summary>
    public static TokenView? Token(ChainView chain, string address)
    {
        ArgumentNullException.ThrowIfNull(chain);
        return chain.Tokens.FirstOrDefault(t => string.Equals(t.Address, address, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>"120 tUSD": <paramref name="raw"/> smallest units of the token; an unknown token shows raw units and its address.</summary>
    public static string Format(ChainView chain, string raw, string tokenAddress)
    {
        var value = BigInteger.Parse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        return Token(chain, tokenAddress) is { } token
            ? $"{TokenAmount.Format(value, token.Decimals)} {token.Symbol}"
            : $"{value.ToString(CultureInfo.InvariantCulture)} units of {tokenAddress}";
    }
}
