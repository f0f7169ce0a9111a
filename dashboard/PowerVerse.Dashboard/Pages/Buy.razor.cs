using System.Globalization;
using System.Numerics;
using System.Text.Json;
using Microsoft.AspNetCore.Components;
using PowerVerse.Dashboard.Services;
using PowerVerse.Views;

namespace PowerVerse.Dashboard.Pages;

/// <summary>
/// The buy flow (seed 000 scenario 1): the listing and its price; the buyer's balance and the market's allowance;
/// the ERC-20 approval from the wallet when the allowance is short; the purchase signed as a ForwardRequest and
/// followed through its workflow to the agent's grant and the resource's first proof.
/// </summary>
public partial class Buy : IDisposable
{
    [Parameter] public string Uid { get; set; } = string.Empty;

    [CascadingParameter] private ChainView ChainView { get; set; } = default!;
    [Inject] private DashboardApi Api { get; set; } = default!;
    [Inject] private GpuModels Gpus { get; set; } = default!;
    [Inject] private Wallet Wallet { get; set; } = default!;
    [Inject] private Writer Writer { get; set; } = default!;

    private ListingView? _listing;
    private IReadOnlyList<GpuModelView> _gpus = [];
    private BigInteger? _balance, _allowance;
    private bool _loaded, _busy;
    private string? _error, _sshKey, _workflowId;
    private JsonElement? _bought;

    private BigInteger Price => BigInteger.Parse(_listing?.Price ?? "0", CultureInfo.InvariantCulture);

    private bool AllowanceSuffices => _allowance is { } allowance && allowance >= Price;

    protected override async Task OnInitializedAsync()
    {
        Wallet.Changed += OnWalletChanged;
        try
        {
            var gpus = Gpus.GetAsync();
            await ReadListingAsync();
            _gpus = await gpus;
        }
        catch (Exception e) when (e is HttpRequestException or ApiProblemException)
        {
            _error = e.Message;
        }

        _loaded = true;
    }

    /// <summary>The listing as the API has it now, then the funds for its price.</summary>
    private async Task ReadListingAsync()
    {
        _listing = (await Api.FindAsync<UsageRightView>("usage-rights/" + Uri.EscapeDataString(Uid)))?.Listing;
        await ReadFundsAsync();
    }

    /// <summary>The buyer's balance and the market's allowance, read from the chain through the wallet.</summary>
    private async Task ReadFundsAsync()
    {
        (_balance, _allowance) = (null, null);
        if (Wallet.Address is not { } owner || _listing is not { } listing)
        {
            return;
        }

        try
        {
            await Wallet.EnsureChainAsync(ChainView.ChainId);
            _balance = await Writer.BalanceOfAsync(listing.Token, owner);
            _allowance = await Writer.AllowanceAsync(listing.Token, owner, ChainView.Contracts["ComputeMarket"]);
        }
        catch (Exception e) when (e is HttpRequestException or ApiProblemException or WalletException)
        {
            _error = e.Message;
        }
    }

    private async Task ApproveAsync()
    {
        await RunAsync(async () =>
        {
            await Writer.TransactAsync(_listing!.Token, Calls.Approve(ChainView.Contracts["ComputeMarket"], Price));
            await ReadFundsAsync();
        });
    }

    private async Task BuyAsync()
    {
        await RunAsync(async () =>
        {
            var listing = _listing!;
            try
            {
                var accepted = await Writer.SendAsync("market/purchases", "ComputeMarket",
                    Calls.Buy(BigInteger.Parse(Uid, CultureInfo.InvariantCulture), listing.Token, Price), _sshKey);
                _workflowId = accepted.Id;
            }
            catch (ApiProblemException)
            {
                // Refused: the price changed, or the UID was sold or unlisted meanwhile. The page shows the listing as it
                // is now (best effort: the refusal is what the buyer must read), so a new price is approved and bought
                // without a reload.
                try
                {
                    await ReadListingAsync();
                }
                catch (Exception e) when (e is HttpRequestException or ApiProblemException)
                {
                }

                throw;
            }
        });
    }

    private async Task BoughtAsync(WorkflowView workflow)
    {
        if (workflow.Status == "Completed" && workflow.Output is { ValueKind: JsonValueKind.Object } output)
        {
            _bought = output;
        }

        await ReadFundsAsync();
    }

    private async Task RunAsync(Func<Task> action)
    {
        (_busy, _error) = (true, null);
        try
        {
            await action();
        }
        catch (Exception e) when (e is WalletException or ApiProblemException or HttpRequestException or InvalidOperationException or FormatException)
        {
            _error = e.Message;
        }
        finally
        {
            _busy = false;
        }
    }

    private string Show(BigInteger? raw) =>
        raw is { } value && _listing is { } listing ? ChainState.Format(ChainView, value.ToString(CultureInfo.InvariantCulture), listing.Token) : "…";

    private void OnWalletChanged() => InvokeAsync(async () =>
    {
        await ReadFundsAsync();
        StateHasChanged();
    });

    public void Dispose()
    {
        Wallet.Changed -= OnWalletChanged;
        GC.SuppressFinalize(this);
    }
}
