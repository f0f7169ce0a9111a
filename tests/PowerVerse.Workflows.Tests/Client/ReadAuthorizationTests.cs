using Nethereum.Signer;
using PowerVerse.Client.Accounts;
using PowerVerse.Client.Api;
using PowerVerse.Client.Tokens;

namespace PowerVerse.Workflows.Tests.Client;

public sealed class ReadAuthorizationTests
{
    [Fact]
    public void Sign_UsageRightRead_HeaderCarriesAddressTimeAndPersonalSignOfTheSpecText()
    {
        var user = HardhatAccounts.Key(5);
        var at = DateTimeOffset.FromUnixTimeSeconds(1_764_390_000);

        var header = ReadAuthorization.Sign(7, user, at);

        var parts = header["EIP191 ".Length..].Split(':');
        Assert.StartsWith("EIP191 ", header, StringComparison.Ordinal);
        Assert.Equal(user.GetPublicAddress(), parts[0]);
        Assert.Equal("1764390000", parts[1]);
        Assert.Equal("PowerVerse: read access of usage right 7 at 1764390000", ReadAuthorization.Message(7, 1_764_390_000));
        Assert.Equal(user.GetPublicAddress(), new EthereumMessageSigner().EncodeUTF8AndEcRecover(ReadAuthorization.Message(7, 1_764_390_000), parts[2]));
    }

    [Fact]
    public void Read_CallRevertedProblem_SlugErrorAndArguments()
    {
        var problem = ApiProblem.Read(422, """
            {"type":"https://powerverse.dev/problems/call-reverted","title":"The call would revert","status":422,"detail":"reverts",
             "instance":"/api/market/purchases","error":"ComputeMarketNotListed","arguments":{"uid":"7"}}
            """);

        Assert.Equal(("call-reverted", 422, "ComputeMarketNotListed"), (problem.Slug, problem.Status, problem.Error));
        Assert.Equal("7", problem.Arguments!["uid"]);
        Assert.Equal("http-502", ApiProblem.Read(502, "<html>bad gateway</html>").Slug);
    }

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
}
