using PowerVerse.Chain.Deployment;
using PowerVerse.Client.Tokens;

namespace PowerVerse.Workflows.Tests.Client;

public sealed class PaymentTokensTests
{
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
