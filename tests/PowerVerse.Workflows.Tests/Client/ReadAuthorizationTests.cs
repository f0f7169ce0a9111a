using Nethereum.Signer;
using PowerVerse.Client.Accounts;
using PowerVerse.Client.Api;

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
}
