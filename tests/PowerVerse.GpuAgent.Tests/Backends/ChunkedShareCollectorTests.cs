using PowerVerse.GpuAgent.Backends;

namespace PowerVerse.GpuAgent.Tests.Backends;

public sealed class ChunkedShareCollectorTests
{
    [Fact]
    public void Complete_ChunksOutOfOrder_CountsOnlyTheFinishedPrefix()
    {
        var collector = new ChunkedShareCollector(shares: 3);

        Assert.False(collector.Complete(2, [20, 21, 22]));
        Assert.False(collector.Complete(0, [1]));
        Assert.True(collector.Wants(1));
        Assert.True(collector.Complete(1, [10, 11]));

        Assert.Equal([1UL, 10, 11], collector.Result());
        Assert.False(collector.Wants(3));
    }
}
