using System.Globalization;
using PowerVerse.Infra.Tests.Support;

namespace PowerVerse.Infra.Tests;

/// <summary>host.json settings the deployment relies on (DESIGN §3, §6).</summary>
public sealed class HostJsonTests
{
    [Fact]
    public void DurableTask_PollsItsQueuesAtLeastEveryTenSeconds()
    {
        using var host = InfraFiles.ReadJson("host.json");
        var durable = host.RootElement.GetProperty("extensions").GetProperty("durableTask");

        // Flex Consumption scales on queue activity; Durable's default back-off (30 s) would let workflows idle that long.
        var interval = TimeSpan.Parse(durable.GetProperty("storageProvider").GetProperty("maxQueuePollingInterval").GetString()!, CultureInfo.InvariantCulture);
        Assert.InRange(interval, TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void Queues_CarryPlainJson()
    {
        using var host = InfraFiles.ReadJson("host.json");

        Assert.Equal("none", host.RootElement.GetProperty("extensions").GetProperty("queues").GetProperty("messageEncoding").GetString());
    }
}
