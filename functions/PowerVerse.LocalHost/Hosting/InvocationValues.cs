using PowerVerse.Functions.Hosting;

namespace PowerVerse.LocalHost.Hosting;

/// <summary>What one invocation binds from: its services, the trigger's value and its cancellation.</summary>
public sealed record InvocationValues(IServiceProvider Services, object? TriggerValue, CancellationToken CancellationToken)
{
    /// <summary>HTTP route values by name (empty for other triggers).</summary>
    public IReadOnlyDictionary<string, object?> RouteValues { get; init; } = new Dictionary<string, object?>();
}
