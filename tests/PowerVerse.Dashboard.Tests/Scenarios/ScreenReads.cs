using System.Globalization;
using System.Numerics;
using Microsoft.Playwright;
using PowerVerse.Dashboard.Tests.Browser;

namespace PowerVerse.Dashboard.Tests.Scenarios;

/// <summary>
/// What the scenario tests of proofs, revenue rights and the read screens read on a page (each opened with
/// <see cref="ScenarioSteps.OpenConnectedAsync"/>): a figure's raw value, and a write's workflow section followed to its end.
/// </summary>
internal static class ScreenReads
{
    /// <summary>The <c>data-value</c> of the figure (the raw digits of a grouped number).</summary>
    public static async Task<BigInteger> ValueAsync(this ILocator figure) =>
        BigInteger.Parse(await Attribute(figure, "data-value"), CultureInfo.InvariantCulture);

    /// <summary>The <c>data-raw</c> of the <c>&lt;Amount&gt;</c> inside the cell (the amount in the token's smallest unit).</summary>
    public static async Task<BigInteger> RawAsync(this ILocator cell) =>
        BigInteger.Parse(await Attribute(cell.Locator("[data-raw]").First, "data-raw"), CultureInfo.InvariantCulture);

    /// <summary>The cell's text as a whole number (shares, counts).</summary>
    public static async Task<BigInteger> NumberAsync(this ILocator cell) =>
        BigInteger.Parse((await cell.InnerTextAsync()).Trim(), NumberStyles.AllowThousands, CultureInfo.InvariantCulture);

    /// <summary>The full address an <c>&lt;AddressText&gt;</c> in the cell shows abbreviated.</summary>
    public static async Task<string> AddressAsync(this ILocator cell) => await Attribute(cell.Locator("code[title]").First, "title");

    /// <summary>
    /// Waits for the workflow section titled <paramref name="title"/> to finish and asserts it completed; on failure
    /// the section's text (steps and the problem in plain words) is the message.
    /// </summary>
    public static async Task<ILocator> CompletedAsync(this DashboardSession session, string title)
    {
        ArgumentNullException.ThrowIfNull(session);
        var section = session.Page.Locator($"[data-testid=workflow][aria-label=\"{title}\"]");
        var finished = section.And(session.Page.Locator(":is([data-status=Completed],[data-status=Failed],[data-status=Terminated],[data-status=Canceled])"));
        try
        {
            // A write refused before its workflow started shows only its problem: no need to wait the workflow's time.
            await finished.Or(session.Page.GetByTestId("problem")).First.WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = ScenarioSteps.WorkflowMs });
        }
        catch (TimeoutException)
        {
            Assert.Fail($"The workflow \"{title}\" did not finish within {ScenarioSteps.WorkflowMs / 1000:F0} s on {session.Page.Url}.\n"
                + $"The page shows:\n{await session.Page.Locator("body").InnerTextAsync()}\nThe browser reported:\n{string.Join("\n", session.BrowserErrors)}");
        }

        if (await finished.CountAsync() == 0)
        {
            Assert.Fail($"The write \"{title}\" was refused: {string.Join(" | ", await session.Page.GetByTestId("problem").AllInnerTextsAsync())}");
        }

        var status = await finished.GetAttributeAsync("data-status");
        Assert.True(status == "Completed", $"The workflow \"{title}\" ended {status}: {await finished.InnerTextAsync()}");
        return finished;
    }

    /// <summary>
    /// What the browser reported as errors, less the refused request's own "Failed to load resource … 422" (Chromium
    /// logs every 4xx answer; the page showed the refusal in plain words).
    /// </summary>
    public static IReadOnlyList<string> ErrorsBesidesRefusals(this DashboardSession session) =>
        [.. session.BrowserErrors.Where(e => !(e.StartsWith("Failed to load resource", StringComparison.Ordinal) && e.Contains("status of 422", StringComparison.Ordinal)))];

    /// <summary>How many requests of <paramref name="method"/> the session's wallet has answered so far.</summary>
    public static int WalletCount(this DashboardSession session, string method) =>
        session.Wallet.Requests.Count(r => r.Method == method);

    private static async Task<string> Attribute(ILocator element, string name) =>
        await element.GetAttributeAsync(name) ?? throw new Xunit.Sdk.XunitException($"No {name} on {element}.");
}
