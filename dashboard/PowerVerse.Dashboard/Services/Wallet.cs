using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.JSInterop;

namespace PowerVerse.Dashboard.Services;

/// <summary>
/// The user's wallet (EIP-1193, through <c>wwwroot/js/wallet.js</c>): the browser's own (<c>window.ethereum</c>) or, on
/// the local chain only, one of the node's unlocked test accounts. It signs; the dashboard never holds a key.
/// </summary>
public sealed class Wallet(IJSRuntime js, DashboardSettings settings) : IAsyncDisposable
{
    private IJSObjectReference? _module;
    private DotNetObjectReference<Wallet>? _self;

    // Whether the injected wallet is the one signing (not a local account, not none).
    private bool _injected;

    /// <summary>The connected account, or null.</summary>
    public string? Address { get; private set; }

    /// <summary>The wallet's chain, or null while none is connected.</summary>
    public long? ChainId { get; private set; }

    /// <summary>The account is one of the local node's test accounts (never on a real network).</summary>
    public bool IsLocal { get; private set; }

    /// <summary>The stack offers its test accounts (its settings name the local chain's RPC).</summary>
    public bool OffersLocalAccounts => settings.LocalRpc is not null;

    /// <summary>Raised when the account or chain changes (connect, disconnect, or the wallet's own events).</summary>
    public event Action? Changed;

    public async Task<bool> HasInjectedAsync() => await (await ModuleAsync()).InvokeAsync<bool>("hasInjected");

    /// <summary>Asks the browser's wallet for an account (the wallet shows its own prompt).</summary>
    /// <exception cref="WalletException">Refused, or no wallet.</exception>
    public async Task ConnectAsync()
    {
        _self ??= DotNetObjectReference.Create(this);
        var accounts = Result(await (await ModuleAsync()).InvokeAsync<WalletAnswer>("connectInjected", _self));
        (_injected, IsLocal) = (true, false);
        await SetAccountAsync(accounts.EnumerateArray().Select(a => a.GetString()).FirstOrDefault());
    }

    /// <summary>The local node's test accounts; empty where the stack offers none.</summary>
    public async Task<IReadOnlyList<string>> LocalAccountsAsync()
    {
        if (settings.LocalRpc is null)
        {
            return [];
        }

        var accounts = Result(await (await ModuleAsync()).InvokeAsync<WalletAnswer>("localAccounts", settings.LocalRpc.AbsoluteUri));
        return [.. accounts.EnumerateArray().Select(a => a.GetString()!)];
    }

    /// <summary>Signs from now on with the local node's unlocked <paramref name="account"/> (local chain only).</summary>
    public async Task UseLocalAsync(string account)
    {
        var rpc = settings.LocalRpc ?? throw new WalletException(4900, "This network offers no local test accounts.");
        _injected = false;
        Result(await (await ModuleAsync()).InvokeAsync<WalletAnswer>("useLocal", rpc.AbsoluteUri));
        IsLocal = true;
        await SetAccountAsync(account);
    }

    public async Task DisconnectAsync()
    {
        _injected = false;
        await (await ModuleAsync()).InvokeVoidAsync("disconnect");
        (Address, ChainId, IsLocal) = (null, null, false);
        Changed?.Invoke();
    }

    /// <summary>Any EIP-1193 request of the connected wallet.</summary>
    /// <exception cref="WalletException">The wallet refused or failed (its code and message).</exception>
    public async Task<JsonElement> RequestAsync(string method, params object?[] parameters) =>
        Result(await (await ModuleAsync()).InvokeAsync<WalletAnswer>("call", method, parameters));

    /// <summary>An <c>eth_call</c> through the wallet: what the contract answers now.</summary>
    /// <exception cref="WalletException">The wallet refused or failed (its code and message).</exception>
    public async Task<string> CallAsync(string to, string data) =>
        (await RequestAsync("eth_call", new { to, data }, "latest")).GetString()!;

    /// <summary>The connected account, or a clear error to show.</summary>
    public string RequireAddress() => Address ?? throw new WalletException(4100, "Connect a wallet first.");

    /// <summary>Switches the wallet to <paramref name="chainId"/> (EIP-3326), adding the local chain where it is unknown (EIP-3085).</summary>
    public async Task EnsureChainAsync(long chainId)
    {
        if (ChainId == chainId)
        {
            return;
        }

        var hex = "0x" + chainId.ToString("x", CultureInfo.InvariantCulture);
        try
        {
            await RequestAsync("wallet_switchEthereumChain", new { chainId = hex });
        }
        catch (WalletException e) when (e.Code == 4902 && settings.LocalRpc is not null)
        {
            await RequestAsync("wallet_addEthereumChain", new
            {
                chainId = hex, chainName = "PowerVerse local chain", rpcUrls = new[] { settings.LocalRpc.AbsoluteUri },
                nativeCurrency = new { name = "Ether", symbol = "ETH", decimals = 18 },
            });
        }

        await RefreshChainAsync();
    }

    /// <summary>EIP-712 <c>eth_signTypedData_v4</c> of <paramref name="typedDataJson"/> by the connected account.</summary>
    public async Task<string> SignTypedDataAsync(string typedDataJson) =>
        (await RequestAsync("eth_signTypedData_v4", RequireAddress(), typedDataJson)).GetString()!;

    /// <summary>EIP-191 <c>personal_sign</c> of the UTF-8 <paramref name="message"/> by the connected account.</summary>
    public async Task<string> PersonalSignAsync(string message) =>
        (await RequestAsync("personal_sign", "0x" + Convert.ToHexStringLower(Encoding.UTF8.GetBytes(message)), RequireAddress())).GetString()!;

    [JSInvokable]
    public Task OnAccountsChanged(string[] accounts) => FromInjectedAsync(() => SetAccountAsync(accounts.FirstOrDefault()));

    [JSInvokable]
    public Task OnChainChanged(string chainId) => FromInjectedAsync(() =>
    {
        ChainId = Hex.ToLong(chainId);
        Changed?.Invoke();
        return Task.CompletedTask;
    });

    public async ValueTask DisposeAsync()
    {
        if (_module is not null)
        {
            await _module.DisposeAsync();
        }

        _self?.Dispose();
    }

    // The chain is read before anything is set: where that fails, the wallet keeps the account and chain it had.
    private async Task SetAccountAsync(string? account)
    {
        long? chainId = account is null ? null : await ChainIdAsync();
        (Address, ChainId) = (account, chainId);
        Changed?.Invoke();
    }

    private async Task RefreshChainAsync()
    {
        ChainId = await ChainIdAsync();
        Changed?.Invoke();
    }

    private async Task<long> ChainIdAsync() => Hex.ToLong((await RequestAsync("eth_chainId")).GetString()!);

    // The injected wallet's events apply only while it is the one signing: one may still arrive after a disconnect or
    // the switch to a local account. They never throw: JavaScript would only log it, and the wallet keeps its state.
    private async Task FromInjectedAsync(Func<Task> apply)
    {
        if (!_injected)
        {
            return;
        }

        try
        {
            await apply();
        }
        catch (Exception)
        {
            // Whatever the wallet answered, the event leaves the account and chain as they were rather than fail the page.
        }
    }

    private async Task<IJSObjectReference> ModuleAsync() =>
        _module ??= await js.InvokeAsync<IJSObjectReference>("import", "./js/wallet.js");

    private static JsonElement Result(WalletAnswer answer) =>
        answer.Ok ? answer.Result : throw new WalletException(answer.Code, answer.Message ?? "The wallet failed.");

    private sealed record WalletAnswer(bool Ok, JsonElement Result, int Code, string? Message);
}
