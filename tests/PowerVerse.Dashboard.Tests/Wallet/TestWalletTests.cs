using System.Text.Json;
using System.Text.Json.Nodes;
using Nethereum.Signer;
using Nethereum.Signer.EIP712;
using PowerVerse.Client.Accounts;

namespace PowerVerse.Dashboard.Tests.Wallet;

/// <summary>The wallet's answers without a browser or a node: what it signs recovers to its key, what it refuses has a wallet's error code.</summary>
public sealed class TestWalletTests
{
    private const string Other = "0x90F79bf6EB2c4f870365E785982E1f101E93b906"; // Hardhat #3

    // An ERC-2771 ForwardRequest as OpenZeppelin's ERC2771Forwarder hashes it (EIP-712), the shape the dashboard signs.
    private static string ForwardRequest(string from) => """
        {"types":{"EIP712Domain":[{"name":"name","type":"string"},{"name":"version","type":"string"},{"name":"chainId","type":"uint256"},{"name":"verifyingContract","type":"address"}],
        "ForwardRequest":[{"name":"from","type":"address"},{"name":"to","type":"address"},{"name":"value","type":"uint256"},{"name":"gas","type":"uint256"},{"name":"nonce","type":"uint256"},{"name":"deadline","type":"uint48"},{"name":"data","type":"bytes"}]},
        "primaryType":"ForwardRequest",
        "domain":{"name":"PowerVerseForwarder","version":"1","chainId":31337,"verifyingContract":"0x5FbDB2315678afecb367f032d93F642f64180aa3"},
        "message":{"from":"FROM","to":"0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512","value":"0","gas":"500000","nonce":"0","deadline":"1900000000","data":"0x1234"}}
        """.Replace("FROM", from, StringComparison.Ordinal);

    [Fact]
    public async Task SignTypedDataV4_OwnAccount_RecoversToTheWalletsAddress()
    {
        var wallet = CreateSut();
        var typed = ForwardRequest(wallet.Address);

        var signature = (await RequestAsync(wallet, "eth_signTypedData_v4", wallet.Address.ToLowerInvariant(), typed))["result"]!.GetValue<string>();

        Assert.Equal(wallet.Address, Eip712TypedDataSigner.Current.RecoverFromSignatureV4(typed, signature), StringComparer.OrdinalIgnoreCase);
        Assert.Equal("ForwardRequest", Assert.Single(wallet.Requests).PrimaryType);
    }

    [Fact]
    public async Task SignTypedDataV4_AnotherAccount_IsRefusedWith4100()
    {
        var answer = await RequestAsync(CreateSut(), "eth_signTypedData_v4", Other, ForwardRequest(Other));

        Assert.Equal(4100, answer["error"]!["code"]!.GetValue<int>());
    }

    [Fact]
    public async Task PersonalSign_HexMessage_RecoversWithEip191()
    {
        var wallet = CreateSut();

        var signature = (await RequestAsync(wallet, "personal_sign", "0x68656c6c6f", wallet.Address))["result"]!.GetValue<string>();

        Assert.Equal(wallet.Address, new EthereumMessageSigner().EncodeUTF8AndEcRecover("hello", signature), StringComparer.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task RequestAccounts_Connect_AnswersTheOneAccount()
    {
        var wallet = CreateSut();

        var accounts = (await RequestAsync(wallet, "eth_requestAccounts"))["result"]!.AsArray();

        Assert.Equal(wallet.Address.ToLowerInvariant(), Assert.Single(accounts)!.GetValue<string>());
    }

    [Theory]
    [InlineData("0x7a69", null)]
    [InlineData("0x1", 4902)]
    public async Task SwitchEthereumChain_Target_SwitchesOnlyToItsOwnChain(string chainId, int? error)
    {
        var answer = await RequestAsync(CreateSut(), "wallet_switchEthereumChain", new JsonObject { ["chainId"] = chainId });

        Assert.Equal(error, answer["error"]?["code"]?.GetValue<int>());
    }

    private static TestWallet CreateSut() =>
        // Nothing here reaches the node: a closed port says so if something did.
        new(HardhatAccounts.Key(4), HardhatAccounts.ChainId, new Uri("http://127.0.0.1:9"));

    private static async Task<JsonNode> RequestAsync(TestWallet wallet, string method, params JsonNode?[] parameters) =>
        JsonNode.Parse(await wallet.HandleAsync(new JsonObject { ["method"] = method, ["params"] = new JsonArray(parameters) }.ToJsonString()))!;
}
