namespace PowerVerse.Dashboard.Tests.Accessibility;

/// <summary>One axe-core rule a page breaks: its impact (minor, moderate, serious, critical) and the elements' selectors.</summary>
public sealed record AxeViolation(string Id, string Impact, string Help, IReadOnlyList<string> Targets);
