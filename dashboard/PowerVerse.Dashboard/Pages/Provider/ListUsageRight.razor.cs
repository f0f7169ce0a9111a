using System.Globalization;
using System.Numerics;
using PowerVerse.Dashboard.Services;
using PowerVerse.Domain.Tokens;
using PowerVerse.Views;

namespace PowerVerse.Dashboard.Pages.ProviderFlow;

/// <summary>
/// Lists a UID on the market. A VID's first listing (its RID supply is still 0) names who receives its revenue rights
/// (<c>listWithRevenueRights</c>: shares summing to its compute type's revenue weight); any later one is a plain listing.
/// </summary>
public partial class ListUsageRight
{
    private sealed class Beneficiary(string account, long shares)
    {
        public string Account { get; set; } = account;

        public long Shares { get; set; } = shares;
    }

    private readonly List<Beneficiary> _beneficiaries = [];
    private string _uid = string.Empty, _token = string.Empty, _price = string.Empty;
    private string? _listed;
    private ResourceView? _resource;
    private BigInteger _weight;
    private (string Vid, BigInteger Weight)? _beneficiariesFor;

    private bool FirstListing => _resource is { RevenueShares: "0" };

    private BigInteger SharesTotal => _beneficiaries.Aggregate(BigInteger.Zero, (sum, b) => sum + b.Shares);

    protected override void OnParametersSet()
    {
        if (_token.Length == 0 && ChainView.Tokens.Count > 0)
        {
            _token = ChainView.Tokens[^1].Address;
        }
    }

    private Task ReadAsync() => RunAsync(async () =>
    {
        _resource = null;
        if (_uid.Length == 0)
        {
            return;
        }

        var right = await Api.GetAsync<UsageRightView>("usage-rights/" + _uid);
        var resource = await Api.GetAsync<ResourceView>("resources/" + right.Vid);
        var weights = await Api.GetAsync<ItemsView<RevenueWeightView>>("revenue-weights");
        _weight = weights.Items.FirstOrDefault(w => w.ComputeType == resource.ComputeType) is { } weight
            ? BigInteger.Parse(weight.Weight, CultureInfo.InvariantCulture) : BigInteger.Zero;
        // Rows typed for another VID's RID, or another weight, would not add up to this one's: they start over.
        if (_beneficiariesFor != (resource.Vid, _weight))
        {
            // By default the provider receives the whole RID; split it by adding rows.
            _beneficiaries.Clear();
            _beneficiaries.Add(new Beneficiary(Account.Address, (long)_weight));
            _beneficiariesFor = (resource.Vid, _weight);
        }

        _resource = resource;
    });

    private void Add() => _beneficiaries.Add(new Beneficiary(string.Empty, 0));

    private Task ListAsync() => SendAsync("market/listings", "ComputeMarket", () =>
    {
        _listed = null;
        var token = ChainState.Token(ChainView, _token) ?? throw new InvalidOperationException("Choose a payment token.");
        var uid = BigInteger.Parse(_uid, CultureInfo.InvariantCulture);
        var price = TokenAmount.Parse(_price, token.Decimals);
        if (!FirstListing)
        {
            return Calls.List(uid, token.Address, price);
        }

        if (SharesTotal != _weight)
        {
            throw new InvalidOperationException($"The beneficiaries' shares add up to {SharesTotal}, not {_weight}.");
        }

        if (_beneficiaries.FirstOrDefault(b => !Addresses.IsAddress(b.Account)) is { } bad)
        {
            throw new InvalidOperationException($"'{bad.Account}' is not an address (0x and 40 hex digits).");
        }

        return Calls.ListWithRevenueRights(uid, token.Address, price, [.. _beneficiaries.Select(b => (b.Account.Trim(), (BigInteger)b.Shares))]);
    });

    private async Task ListedAsync(WorkflowView workflow)
    {
        _listed = await FinishedAsync(workflow, "uid");
        if (_listed is not null)
        {
            // The VID's RID exists now: a later listing of it is a plain one.
            _beneficiariesFor = null;
            await ReadAsync();
        }
    }
}
