namespace PowerVerse.Workflows.Tests.Dividends;

/// <summary>
/// A local stack of the dividend tests' own (they move its chain a month ahead) whose host pays a pool of
/// <see cref="Pool"/> PVC wei a month: not a round number, so every amount is rounded down.
/// </summary>
public sealed class DividendStackFixture : Support.LocalStack
{
    public static readonly System.Numerics.BigInteger Pool = System.Numerics.BigInteger.Parse("12345678901234567890123", System.Globalization.CultureInfo.InvariantCulture);

    protected override int InitialHosts => 0;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await StartHostAsync(new Dictionary<string, string> { ["Dividends__MonthlyPool"] = Pool.ToString(System.Globalization.CultureInfo.InvariantCulture) });
    }
}
