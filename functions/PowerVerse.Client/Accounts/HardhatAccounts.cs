using Nethereum.Signer;

namespace PowerVerse.Client.Accounts;

/// <summary>
/// The Hardhat node's well-known test accounts #0–#9 (mnemonic "test test … junk"): public local keys for the local
/// chain, never for a real one. On the local stack #0 deploys, #1 relays, #2 challenges, #3 settles, and #4–#9 hold
/// test PVC and tUSD (contracts/scripts/deploy.js).
/// </summary>
public static class HardhatAccounts
{
    public const long ChainId = 31337;

    private static readonly string[] Keys =
    [
        "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80",
        "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d",
        "0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a",
        "0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6",
        "0x47e179ec197488593b187f80a00eb0da91f1b9d0b13f8733639f19c30a34926a",
        "0x8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba",
        "0x92db14e403b83dfe3df233f83dfa3a0d7096f21ca9b0d6d6b8d88b2b4ec1564e",
        "0x4bbbf85ce3377467afe5d46f804f221813b2bb87f24d81f60f1fcdbf7cbf4356",
        "0xdbda1821b80551c9d65939329250298aa3472ba22feea921c0cf5d620ea67b97",
        "0x2a871d0798f97d79848a013d4936a73bf4cc922c825d33c1cf7073dff6d409c6",
    ];

    public static int Count => Keys.Length;

    /// <summary>Account <paramref name="index"/>'s private key, 0x hex.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not 0 to 9.</exception>
    public static string PrivateKey(int index) => index >= 0 && index < Keys.Length
        ? Keys[index]
        : throw new ArgumentOutOfRangeException(nameof(index), index, $"Hardhat's test accounts are #0 to #{Keys.Length - 1}.");

    public static EthECKey Key(int index) => new(PrivateKey(index));
}
