using System.Globalization;
using System.Numerics;
using PowerVerse.Domain.Tokens;
using PowerVerse.Views;

namespace PowerVerse.Dashboard.Services;

/// <summary>
/// The chain as <c>GET /api/chain</c> describes it, read once (again after a failed read): contract addresses by name
/// and the payment tokens, with amounts shown and read in each token's own decimals and symbol.
/// </summary>
public sealed class ChainState(DashboardApi api)
{
    private readonly SharedRead<ChainView> _chain = new(() => api.GetAsync<ChainView>("chain"));

    public Task<ChainView> GetAsync() => _chain.GetAsync();

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

    /// <summary>
    /// A price filter typed in whole units of the token at <paramref name="tokenAddress"/>, in its smallest unit as the
    /// API filters; null when nothing is typed or no payment token is chosen.
    /// </summary>
    /// <exception cref="FormatException">Not an amount in the token's decimals.</exception>
    public static string? PriceFilter(ChainView chain, string text, string tokenAddress) =>
        string.IsNullOrWhiteSpace(text) || Token(chain, tokenAddress) is not { } token ? null
        : TokenAmount.Parse(text, token.Decimals).ToString(CultureInfo.InvariantCulture);

    /// <summary>"120 tUSD": <paramref name="raw"/> smallest units of the token; an unknown token shows raw units and its address.</summary>
    public static string Format(ChainView chain, string raw, string tokenAddress)
    {
        var value = BigInteger.Parse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        return Token(chain, tokenAddress) is { } token
            ? $"{TokenAmount.Format(value, token.Decimals)} {token.Symbol}"
            : $"{value.ToString(CultureInfo.InvariantCulture)} units of {tokenAddress}";
    }
}
