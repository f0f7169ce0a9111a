namespace PowerVerse.Workflows.Tests.CrashSafety;

/// <summary>
/// The activity boundaries the cases kill a local host at (<c>LocalHost__KillAt</c>): each activity of a workflow
/// (functions/PowerVerse.Functions/Orchestrations: a purchase is Relay → Confirm → Index → Grant → the agent's
/// grant-applied → RecordAccess; a revenue claim Relay → Confirm → Index), just before its completion is recorded
/// (<c>completing</c>: it runs again after the restart) and just after (<c>completed</c>).
/// </summary>
public static class CrashCases
{
    public static IReadOnlyList<string> PurchaseBoundaries { get; } = Boundaries("Relay", "Confirm", "Index", "Grant", "RecordAccess");

    public static IReadOnlyList<string> ClaimBoundaries { get; } = Boundaries("Relay", "Confirm", "Index");

    public static TheoryData<string> PurchaseData => Data(PurchaseBoundaries);

    public static TheoryData<string> ClaimData => Data(ClaimBoundaries);

    private static string[] Boundaries(params string[] activities) =>
        [.. activities.SelectMany(a => new[] { $"{a}:completing", $"{a}:completed" })];

    private static TheoryData<string> Data(IEnumerable<string> boundaries)
    {
        var data = new TheoryData<string>();
        foreach (var boundary in boundaries)
        {
            data.Add(boundary);
        }

        return data;
    }
}
