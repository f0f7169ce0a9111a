using System.Numerics;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PowerVerse.Dashboard.Tests.Browser;
using static PowerVerse.Dashboard.Tests.Scenarios.ScenarioSteps;

namespace PowerVerse.Dashboard.Tests.Scenarios;

/// <summary>
/// The provider's flow on <c>/provider</c> (seed 000 scenarios 1 and 2), one form at a time as a provider fills it:
/// each step returns the id the page shows once its workflow has completed. Assertions against the chain are the
/// scenarios' own.
/// </summary>
public sealed class ProviderSteps(DashboardSession session)
{
    private IPage Page => session.Page;

    // A select's label holds its options' text too: match the label by how it starts.
    private static Regex Starts(string label) => new("^" + Regex.Escape(label) + "\\b");

    public ILocator Section(string testId) => Page.GetByTestId(testId);

    /// <summary>Opens /provider with the wallet connected, once the account's forms are there.</summary>
    public Task OpenAsync() => session.OpenConnectedAsync("/provider", "provider-register");

    /// <summary>Pastes the agent's init payload, picks the device <paramref name="uuid"/> and the GPU model, registers: the HID.</summary>
    public async Task<BigInteger> RegisterAsync(string payload, string uuid, uint gpuModel)
    {
        var form = Section("provider-register");
        await FillAsync(form.GetByLabel("Agent payload (JSON)"), payload);
        var device = form.GetByLabel(Starts("Device"));
        await device.WaitForAsync();
        var label = await device.Locator("option").Filter(new() { HasText = uuid }).InnerTextAsync();
        await device.SelectOptionAsync(new SelectOptionValue { Label = label.Trim() });
        await form.GetByLabel(Starts("GPU model")).SelectOptionAsync(gpuModel.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await WriteAsync(session, form, "Register hardware");
        return Id(await TextAsync(form, "hid"));
    }

    /// <summary>Chooses the HID in the stake form: its minimum (raw PVC) and whether it is staked, as the page reads them from the chain.</summary>
    public async Task<(BigInteger Minimum, string Staked)> StakeStateAsync(BigInteger hid)
    {
        var form = Section("provider-stake");
        await form.GetByLabel(Starts("HID")).SelectOptionAsync(Text(hid));
        var minimum = Id(await AttributeAsync(form, "min-stake", "data-value") ?? "");
        return (minimum, await TextAsync(form, "hid-staked"));
    }

    /// <summary>Approve and stake the prefilled amount (two wallet transactions); waits until the page reads "staked" back.</summary>
    public async Task StakeAsync()
    {
        var form = Section("provider-stake");
        await form.GetByRole(AriaRole.Button, new() { Name = "Approve and stake" }).ClickAsync();
        var done = form.Locator("[data-testid=problem], [data-testid=stake-steps] li:has-text('Staked in transaction')").First;
        await done.WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 60_000 });
        Assert.True(await form.GetByTestId("problem").CountAsync() == 0, $"Staking failed. The section shows:\n{await form.InnerTextAsync()}");
        await Assertions.Expect(form.GetByTestId("hid-staked")).ToHaveTextAsync("staked", new() { Timeout = 30_000 });
    }

    /// <summary>A resource on the HID with the form's defaults (the whole GPU): the VID.</summary>
    public async Task<BigInteger> CreateResourceAsync(BigInteger hid)
    {
        var form = Section("provider-resource");
        await form.GetByLabel(Starts("HID")).SelectOptionAsync(Text(hid));
        await WriteAsync(session, form, "Create resource");
        return Id(await TextAsync(form, "vid"));
    }

    /// <summary>A usage right on the VID chosen in the form (already chosen when <paramref name="vid"/> is null) for <paramref name="duration"/> of <paramref name="unit"/>: the UID.</summary>
    public async Task<BigInteger> CreateUsageRightAsync(BigInteger? vid, int duration, string unit)
    {
        var form = Section("provider-usage-right");
        if (vid is { } chosen)
        {
            await form.GetByLabel(Starts("VID")).SelectOptionAsync(Text(chosen));
        }

        await FillAsync(form.GetByLabel("Duration"), duration.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await form.GetByLabel(Starts("Unit")).SelectOptionAsync(new SelectOptionValue { Label = unit });
        await WriteAsync(session, form, "Create usage right");
        return Id(await TextAsync(form, "uid"));
    }

    /// <summary>The VID chosen in the usage-right form (e.g. by a free resource's "New usage right" button).</summary>
    public Task<string> ChosenVidAsync() => Section("provider-usage-right").GetByLabel(Starts("VID")).InputValueAsync();

    /// <summary>Chooses the UID, the token and the price in the list form; the page then shows the beneficiaries (first listing) or a plain listing.</summary>
    public async Task<ILocator> PrepareListingAsync(BigInteger uid, string symbol, string price)
    {
        var form = Section("provider-list");
        await form.GetByLabel(Starts("UID")).SelectOptionAsync(Text(uid));
        await form.GetByLabel(Starts("Token")).SelectOptionAsync(new SelectOptionValue { Label = symbol });
        await FillAsync(form.GetByLabel("Price (in the token's whole units)"), price);
        await form.Locator("[data-testid=beneficiaries], [data-testid=plain-listing]").First.WaitForAsync();
        return form;
    }

    /// <summary>Sets the beneficiary rows: row 1 is prefilled with the account; more rows are added.</summary>
    public async Task SetBeneficiariesAsync(IReadOnlyList<(string Account, BigInteger Shares)> beneficiaries)
    {
        var fieldset = Section("provider-list").GetByTestId("beneficiaries");
        for (var n = 1; n <= beneficiaries.Count; n++)
        {
            if (await fieldset.GetByTestId($"beneficiary-{n}").CountAsync() == 0)
            {
                await fieldset.GetByRole(AriaRole.Button, new() { Name = "Add a beneficiary" }).ClickAsync();
            }

            var (account, shares) = beneficiaries[n - 1];
            await FillAsync(fieldset.GetByLabel($"Beneficiary {n} address"), account);
            await FillAsync(fieldset.GetByLabel($"Beneficiary {n} shares"), Text(shares));
        }
    }

    /// <summary>Lists the prepared UID: the UID the page says it listed.</summary>
    public async Task<BigInteger> ListAsync()
    {
        var form = Section("provider-list");
        await WriteAsync(session, form, "List usage right");
        return Id(await TextAsync(form, "listed-uid"));
    }
}
