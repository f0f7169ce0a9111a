using PowerVerse.LocalHost.Hosting;

namespace PowerVerse.LocalHost.Tests.Hosting;

public sealed class KillPointTests
{
    [Theory]
    [InlineData("CreditActivity:completing", "CreditActivity", false)]
    [InlineData("CreditActivity:completed", "CreditActivity", true)]
    [InlineData(" Relay : completed ", "Relay", true)]
    public void Parse_ActivityAndPoint_ReadsBoth(string value, string activity, bool afterRecording)
    {
        var point = KillPoint.Parse(value);

        Assert.Equal(new KillPoint(activity, afterRecording), point);
        Assert.True(point.Matches(activity.ToLowerInvariant()));
        Assert.False(point.Matches("Other"));
    }

    [Theory]
    [InlineData("CreditActivity")]
    [InlineData("CreditActivity:")]
    [InlineData(":completed")]
    [InlineData("CreditActivity:started")]
    [InlineData("CreditActivity:Completed")]
    public void Parse_Malformed_SaysWhatIsExpected(string value)
    {
        var error = Assert.Throws<InvalidOperationException>(() => KillPoint.Parse(value));

        Assert.Contains("'<ActivityName>:completing' or '<ActivityName>:completed'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_IsTheOptionValue() =>
        Assert.Equal("CreditActivity:completed", KillPoint.Parse("CreditActivity:completed").ToString());
}
