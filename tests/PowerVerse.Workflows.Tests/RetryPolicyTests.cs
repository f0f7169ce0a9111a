namespace PowerVerse.Workflows.Tests;

public sealed class RetryPolicyTests
{
    [Theory]
    [InlineData(1, 1000)]
    [InlineData(2, 2000)]
    [InlineData(3, 4000)]
    [InlineData(10, 60_000)]
    public void DelayAfter_Attempt_GrowsExponentiallyUpToTheCap(int attempt, int expectedMilliseconds)
    {
        var policy = new RetryPolicy { InitialDelay = TimeSpan.FromSeconds(1), BackoffCoefficient = 2, MaxDelay = TimeSpan.FromMinutes(1) };

        Assert.Equal(TimeSpan.FromMilliseconds(expectedMilliseconds), policy.DelayAfter(attempt));
    }

    [Fact]
    public void DelayAfter_AttemptZero_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => RetryPolicy.Default.DelayAfter(0));
}
