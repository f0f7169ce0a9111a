using System.Globalization;
using System.Numerics;
using Microsoft.Playwright;
using PowerVerse.Dashboard.Tests.Browser;
using PowerVerse.Dashboard.Tests.Wallet;

namespace PowerVerse.Dashboard.Tests.Scenarios;

/// <summary>
/// What a user does on every screen of seed 000's scenarios: open a route and connect the wallet (a page load starts
/// the app afresh, so the wallet is connected again, as a user does after a reload), fill fields as typing does, press
/// a write's button and follow its workflow on the page to the end.
/// </summary>
public static class ScenarioSteps
{
    /// <summary>A write's workflow (relay, index; a purchase's grant and first proof on the CPU agent; a proof waiting for the agent) ends within this.</summary>
    public const float WorkflowMs = 180_000;

    /// <summary>Opens <paramref name="route"/>, connects the injected wallet and waits for <paramref name="loadedTestId"/>.</summary>
    public static async Task OpenConnectedAsync(this DashboardSession session, string route, string loadedTestId)
    {
        ArgumentNullException.ThrowIfNull(session);
        await session.GotoAsync(route);
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Connect wallet", Exact = true }).ClickAsync();
        Assert.Equal(session.Wallet.Address, await (await session.WaitForTestIdAsync("account")).GetAttributeAsync("title"), StringComparer.OrdinalIgnoreCase);
        await session.WaitForTestIdAsync(loadedTestId);
    }

    /// <summary>Types <paramref name="text"/> and leaves the field, as a user does (Blazor's <c>@bind</c> takes the value on change).</summary>
    public static async Task FillAsync(ILocator field, string text)
    {
        ArgumentNullException.ThrowIfNull(field);
        await field.FillAsync(text);
        await field.BlurAsync();
    }

    /// <summary>The ForwardRequests the wallet signed so far.</summary>
    public static int SignatureCount(TestWallet wallet) => wallet?.Requests.Count(r => r.Method == "eth_signTypedData_v4") ?? 0;

    /// <summary>
    /// Presses <paramref name="button"/> of <paramref name="section"/>, whose write the wallet signs; waits until its
    /// workflow on the page has finished and asserts it completed (else fails with what the section shows).
    /// </summary>
    public static async Task WriteAsync(DashboardSession session, ILocator section, string button)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(section);
        var before = SignatureCount(session.Wallet);
        await section.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();
        // The page forgets the previous workflow before it asks for the signature: once signed, a finished workflow is this one's.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (SignatureCount(session.Wallet) == before && await section.GetByTestId("problem").CountAsync() == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        var finished = section.Locator("[data-testid=workflow]:not([data-status=Pending]):not([data-status=Running]), [data-testid=problem]");
        try
        {
            await finished.First.WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = WorkflowMs });
        }
        catch (TimeoutException)
        {
            Assert.Fail($"'{button}' did not finish within {WorkflowMs / 1000:F0} s. The section shows:\n{await section.InnerTextAsync()}");
        }

        var status = await section.GetByTestId("workflow").CountAsync() > 0 ? await section.GetByTestId("workflow").GetAttributeAsync("data-status") : null;
        Assert.True(status == "Completed" && await section.GetByTestId("problem").CountAsync() == 0,
            $"'{button}' ended {status ?? "without a workflow"}. The section shows:\n{await section.InnerTextAsync()}\nThe browser reported:\n{string.Join("\n", session.BrowserErrors)}");
    }

    /// <summary>The text of <paramref name="testId"/> in <paramref name="scope"/>, once it is there.</summary>
    public static async Task<string> TextAsync(ILocator scope, string testId, float timeoutMs = 30_000)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var element = scope.GetByTestId(testId).First;
        await element.WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = timeoutMs });
        return (await element.InnerTextAsync()).Trim();
    }

    /// <summary>An attribute of <paramref name="testId"/> in <paramref name="scope"/> (e.g. the raw <c>data-value</c> of a figure).</summary>
    public static async Task<string?> AttributeAsync(ILocator scope, string testId, string attribute)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var element = scope.GetByTestId(testId).First;
        await element.WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 30_000 });
        return await element.GetAttributeAsync(attribute);
    }

    public static BigInteger Id(string text) => BigInteger.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);

    public static string Text(BigInteger value) => value.ToString(CultureInfo.InvariantCulture);
}
