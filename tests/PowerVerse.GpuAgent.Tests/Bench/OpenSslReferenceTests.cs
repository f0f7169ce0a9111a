using PowerVerse.GpuAgent.Bench;

namespace PowerVerse.GpuAgent.Tests.Bench;

public sealed class OpenSslReferenceTests
{
    [Theory]
    [InlineData("Doing sha3-256 for 2s on 60 size blocks: 1936287 sha3-256's in 1.26s", 1936287 / 1.26)]
    [InlineData("Doing sha3-256 ops for 2s on 60 size blocks: 3000000 sha3-256 ops in 2.00s", 1500000.0)]
    public void Parse_SpeedOutputOfEitherRelease_GivesHashesPerSecond(string line, double expected)
    {
        var (rate, _) = OpenSslReference.Parse("version: 3\n" + line + "\ntype 60 bytes\n");
        Assert.NotNull(rate);
        Assert.Equal(expected, rate.Value, 3);
    }

    [Fact]
    public void Parse_UnexpectedOutput_ReportsWhy()
    {
        var (rate, detail) = OpenSslReference.Parse("speed: Unknown algorithm sha3-256");
        Assert.Null(rate);
        Assert.Contains("Unknown algorithm", detail, StringComparison.Ordinal);
    }
}
