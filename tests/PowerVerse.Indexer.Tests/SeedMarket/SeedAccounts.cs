using PowerVerse.Chain.Deployment;

namespace PowerVerse.Indexer.Tests.SeedMarket;

/// <summary>
/// Who plays seed 000's roles: Hardhat's well-known test accounts (local keys, never real ones). The deploy script makes
/// #2 the challenger and #3 the settler, and funds #4–#9 with PVC and test dollars.
/// </summary>
internal sealed class SeedAccounts(Uri rpcUrl, DeploymentManifest manifest)
{
    public Party Challenger { get; } = new("0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a", rpcUrl);

    public Party Settler { get; } = new("0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6", rpcUrl);

    public Party Provider { get; } = new("0x47e179ec197488593b187f80a00eb0da91f1b9d0b13f8733639f19c30a34926a", rpcUrl);

    public Party Buyer { get; } = new("0x8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba", rpcUrl);

    /// <summary>Named a beneficiary of the first listing; later sells RID shares.</summary>
    public Party Investor { get; } = new("0x92db14e403b83dfe3df233f83dfa3a0d7096f21ca9b0d6d6b8d88b2b4ec1564e", rpcUrl);

    /// <summary>Buys RID shares on the market.</summary>
    public Party Trader { get; } = new("0x4bbbf85ce3377467afe5d46f804f221813b2bb87f24d81f60f1fcdbf7cbf4356", rpcUrl);

    /// <summary>The gpu-agent's key, which attests the device and would sign proofs.</summary>
    public Nethereum.Signer.EthECKey Agent { get; } = new("0x6c6f63616c2d746573742d6167656e742d6b65792d6f6e6c792d303030303031");

    public string this[string contract] => manifest[contract];

    /// <summary>The four market participants whose assets, balances and income the read model must show.</summary>
    public IReadOnlyList<Party> Participants => [Provider, Buyer, Investor, Trader];
}
