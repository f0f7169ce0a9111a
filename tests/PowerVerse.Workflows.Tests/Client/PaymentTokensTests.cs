using PowerVerse.Chain.Deployment;
using PowerVerse.Client.Tokens;

namespace PowerVerse.Workflows.Tests.Client;

public sealed class PaymentTokensTests
{
    [Theory]
    [InlineData("120", 6, "120000000")]
    [InlineData("0.5", 6, "500000")]
    [InlineData("95", 18, "95000000000000000000")]
    [InlineData("1.250", 2, "125")]
    public void Scale_WholeUnits_SmallestUnit(string amount, int decimals, string expected) =>
        Assert.Equal(expected, PaymentTokens.Scale(amount, decimals).ToString(System.Globalization.CultureInfo.InvariantCulture));

    [Theory]
    [InlineData("1.234", 2)]
    [InlineData("-1", 6)]
    [InlineData("1e6", 6)]
    [InlineData(".5", 6)]
    public void Scale_NotAnAmount_Throws(string amount, int decimals) =>
        Assert.Throws<FormatException>(() => PaymentTokens.Scale(amount, decimals));

    [Fact]
    public void Resolve_NamesAndAddresses_TheManifestsTokensOrTheAddressItself()
    {
        var manifest = new DeploymentManifest
        {
            ChainId = 31337, DeploymentBlock = 1,
            Contracts = new Dictionary<string, string> { ["PowerVerseCoin"] = "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512", ["TestStablecoin"] = "0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0" },
        };

        Assert.Equal("0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512", PaymentTokens.Resolve(manifest, "PVC"));
        Assert.Equal("0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0", PaymentTokens.Resolve(manifest, "tusd"));
        Assert.Equal("0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0", PaymentTokens.Resolve(manifest, "TestStablecoin"));
        Assert.Equal("0x0000000000000000000000000000000000000001", PaymentTokens.Resolve(manifest, "0x0000000000000000000000000000000000000001"));
        Assert.Throws<ArgumentException>(() => PaymentTokens.Resolve(manifest, "USDC"));
    }
}
