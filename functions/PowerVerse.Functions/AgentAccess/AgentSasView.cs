namespace PowerVerse.Functions.AgentAccess;

/// <summary>
/// The answer of <c>POST /api/agents/sas</c>: one service SAS URL per queue, all expiring at the requested time —
/// <c>queue</c> (<c>agent-&lt;address&gt;</c>, read + update + process), <c>poison</c> (its <c>-poison</c> queue, add),
/// <c>results</c> (<c>proof-results</c>, add), <c>events</c> (<c>agent-events</c>, add).
/// </summary>
public sealed record AgentSasView(string Agent, string Expires, Uri Queue, Uri Poison, Uri Results, Uri Events)
{
    /// <summary>ISO 8601 UTC with Z (DESIGN §3), fractional seconds only where there are some.</summary>
    public static string Time(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.FFFFFFFZ", System.Globalization.CultureInfo.InvariantCulture);
}
