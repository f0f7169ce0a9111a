using PowerVerse.Dashboard.Tests.Stack;

namespace PowerVerse.Dashboard.Tests.Scenarios;

/// <summary>
/// A dashboard stack for one test class alone, whose chain no other test moves ahead: the API judges a rental's end by
/// the wall clock (read-time, as DESIGN §2 says) while the chain stamps it with its own time, so a test that waits for a
/// rental to end needs a chain that is no further ahead of the wall clock than its deployment put it (about a minute).
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "A local stack, not a Stack<T>.")]
public sealed class FreshDashboardStack : IAsyncLifetime
{
    public DashboardStack Stack { get; } = new();

    public Task InitializeAsync() => Stack.InitializeAsync();

    public Task DisposeAsync() => Stack.DisposeAsync();
}
