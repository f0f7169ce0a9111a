using System.Numerics;
using PowerVerse.Client.Api;
using PowerVerse.Workflows.Tests.Support;

namespace PowerVerse.Workflows.Tests.Concurrency;

/// <summary>
/// A local stack of its own with two local hosts side by side (same storage, so the same task hub and the same
/// relayer journal; same relayer key), for <see cref="TwoHostsTests"/>.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "The local stack of ./pv up, not a Stack<T>.")]
public sealed class TwoHostsFixture : LocalStack
{
    protected override int InitialHosts => 2;

    public IReadOnlyList<PowerVerseApi> Apis => [.. Hosts.Select(ApiOf)];
}
