using System.Text.Json;
using Microsoft.Playwright;
using PowerVerse.Testing;

namespace PowerVerse.Dashboard.Tests.Accessibility;

/// <summary>axe-core (npm, .tools) injected into the page and run over the whole document: its serious and critical violations.</summary>
public static class AxeScan
{
    private const string Run = """
        async () => (await axe.run(document, { resultTypes: ['violations'] })).violations.map(v => ({
          id: v.id, impact: v.impact ?? '', help: v.help, targets: v.nodes.map(n => n.target.join(' ')) }))
        """;

    /// <summary>Scans the page and fails listing each serious or critical violation's rule and targets.</summary>
    public static async Task AssertNoSeriousViolationsAsync(IPage page, string screen)
    {
        ArgumentNullException.ThrowIfNull(page);
        var serious = (await ViolationsAsync(page)).Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"axe-core on '{screen}' ({page.Url}):\n"
            + string.Join("\n", serious.Select(v => $"  {v.Impact} {v.Id}: {v.Help} — {string.Join(", ", v.Targets)}")));
    }

    public static async Task<IReadOnlyList<AxeViolation>> ViolationsAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe !== 'undefined'"))
        {
            await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = RepoPaths.AxeScript });
        }

        var found = await page.EvaluateAsync<JsonElement>(Run);
        return found.Deserialize<List<AxeViolation>>(JsonSerializerOptions.Web) ?? [];
    }
}
