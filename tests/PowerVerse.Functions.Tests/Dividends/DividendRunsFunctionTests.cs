using PowerVerse.Functions.Queues;

namespace PowerVerse.Functions.Tests.Dividends;

public sealed class DividendRunsFunctionTests
{
    [Theory]
    [InlineData("{\"period\":\"202611\"}", 202611)]
    [InlineData("{\"period\":202612, \"note\":\"ops\"}", 202612)]
    [InlineData("{\"period\":\"200001\"}", 200001)]
    public void Parse_AMonth_ItsPeriod(string message, int period) => Assert.Equal(period, DividendRunsFunction.Parse(message).Value);

    [Theory]
    [InlineData("")]
    [InlineData("202611")]
    [InlineData("[\"202611\"]")]
    [InlineData("{\"month\":\"202611\"}")]
    [InlineData("{\"period\":\"202613\"}")]
    [InlineData("{\"period\":\"202600\"}")]
    [InlineData("{\"period\":\"199912\"}")]
    [InlineData("{\"period\":\"2026-11\"}")]
    [InlineData("{\"period\":\" 202611\"}")]
    [InlineData("{\"period\":2026.11}")]
    [InlineData("{\"period\":null}")]
    [InlineData("{\"period\":\"2026111\"}")]
    public void Parse_NotAMonth_Refused(string message) => Assert.Throws<InvalidDividendRunException>(() => DividendRunsFunction.Parse(message));
}
