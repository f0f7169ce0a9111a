using Microsoft.Playwright;

namespace PowerVerse.Dashboard.Tests.Wallet;

/// <summary>
/// Puts <see cref="TestWallet"/> into a browser context as wallets put themselves into pages: injected-wallet.js defines
/// <c>window.ethereum</c> before any page script runs, and its requests call the wallet through an exposed function.
/// </summary>
public static class InjectedWallet
{
    private const string Binding = "__pvTestWallet";

    private static readonly Lazy<string> Script = new(() =>
    {
        using var stream = typeof(InjectedWallet).Assembly.GetManifestResourceStream("injected-wallet.js")
            ?? throw new InvalidOperationException("injected-wallet.js is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    /// <summary>Every page of <paramref name="context"/> gets <paramref name="wallet"/> as its <c>window.ethereum</c>.</summary>
    public static async Task InjectAsync(IBrowserContext context, TestWallet wallet)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(wallet);
        await context.ExposeFunctionAsync<string, Task<string>>(Binding, wallet.HandleAsync);
        await context.AddInitScriptAsync(Script.Value);
    }
}
