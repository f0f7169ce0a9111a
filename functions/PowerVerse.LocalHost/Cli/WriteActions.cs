using System.Globalization;
using System.Numerics;
using System.Text.Json;
using Nethereum.Contracts;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.Signer;
using Nethereum.Web3;
using Nethereum.Web3.Accounts;
using PowerVerse.Chain.Contracts;
using PowerVerse.Chain.Deployment;
using PowerVerse.Client.Api;
using PowerVerse.Client.Tokens;
using PowerVerse.Client.Writes;
using PowerVerse.Domain.Tokens;

namespace PowerVerse.LocalHost.Cli;

/// <summary>The write command's actions: each reads its options and signs its write (or, for the wallet's own steps, sends it).</summary>
internal sealed class WriteActions(WriteSigner signer, EthECKey key, DeploymentManifest manifest, IWeb3 web3, CommandOptions options)
{
    private static readonly Dictionary<string, string[]> Options = new(StringComparer.Ordinal)
    {
        ["hardware"] = ["payload", "device-index", "gpu-model", "vcpus", "memory-mib"],
        ["resource"] = ["hid", "gpu-share-bps", "vcpus", "memory-mib", "disk-gib"],
        ["usage-right"] = ["vid", "duration"],
        ["list"] = ["uid", "token", "price", "beneficiary"],
        ["buy"] = ["uid", "token", "price", "ssh-key"],
        ["claim"] = ["vid", "token"],
        ["claim-dividend"] = ["epoch", "for"],
        ["list-shares"] = ["vid", "amount", "token", "price"],
        ["buy-shares"] = ["listing", "amount", "token", "price"],
        ["proof"] = ["vid"],
        ["access"] = ["uid"],
        ["approve"] = ["token", "amount"],
        ["stake"] = ["hid", "amount"],
    };

    /// <summary>The options <paramref name="action"/> takes besides the common ones; null for an unknown action.</summary>
    public static string[]? Known(string action) => Options.GetValueOrDefault(action);

    public async Task<PreparedWrite> SignAsync(string action) => action switch
    {
        "hardware" => await HardwareAsync(),
        "resource" => await signer.CreateResourceAsync(options.Number("hid"), options.Number<ushort>("gpu-share-bps", 5_000),
            options.Number<ushort>("vcpus", 16), options.Number<uint>("memory-mib", 65_536), options.Number<uint>("disk-gib", 500)),
        "usage-right" => await signer.CreateUsageRightAsync(options.Number("vid"), options.Number<uint>("duration", 7 * 24 * 3600)),
        "list" when options.All("beneficiary") is { Count: > 0 } named =>
            await signer.ListWithRevenueRightsAsync(options.Number("uid"), Token(), await AmountAsync("price"), [.. named.Select(Beneficiary)]),
        "list" => await signer.ListAsync(options.Number("uid"), Token(), await AmountAsync("price")),
        "buy" => await signer.BuyAsync(options.Number("uid"), Token(), await AmountAsync("price"), SshKey()),
        "claim" => await signer.ClaimRevenueAsync(options.Number("vid"), Token()),
        "list-shares" => await signer.ListSharesAsync(options.Number("vid"), options.Number("amount"), Token(), await AmountAsync("price")),
        "buy-shares" => await signer.BuySharesAsync(options.Number("listing"), options.Number("amount"), Token(), await AmountAsync("price")),
        "proof" => await signer.RequestProofAsync(options.Number("vid")),
        _ => throw new CommandException($"'{action}' is not a write."),
    };

    /// <summary>A dividend claim: the amount and Merkle proof the API serves for the account (the signer's, or --for's) in the epoch.</summary>
    public async Task<PreparedWrite> ClaimDividendAsync(PowerVerseApi api)
    {
        var (epoch, account) = (options.Number("epoch"), options.Get("for") ?? key.GetPublicAddress());
        var dividend = await api.GetDividendAsync(epoch, account);
        if (dividend.Problem is { } problem)
        {
            throw new ArgumentException($"No dividend of {account} in epoch {epoch}: {problem}");
        }

        var proof = dividend.Json.GetProperty("proof").EnumerateArray().Select(p => p.GetString()!).ToList();
        return await signer.ClaimDividendAsync(epoch, account, BigInteger.Parse(dividend.Json.GetProperty("amount").GetString()!, CultureInfo.InvariantCulture), proof);
    }

    /// <summary>
    /// What a user does in the wallet, outside the API: an ERC-20 approve of the market (before buying), or staking an
    /// HID (which has no route). Sent directly from the account, which pays the gas.
    /// </summary>
    public async Task<int> SendFromWalletAsync(string action, TextWriter output)
    {
        var wallet = new Web3(new Account(key, manifest.ChainId), ((Web3)web3).Client);
        if (action == "approve")
        {
            await SendAsync(wallet, Token(), new ApproveFunction { Spender = manifest["ComputeMarket"], Value = await AmountAsync("amount") }, output);
            return 0;
        }

        var amount = options.Get("amount") is null
            ? await web3.Eth.GetContractQueryHandler<MinStakeFunction>().QueryAsync<BigInteger>(manifest["PowerParams"], new MinStakeFunction { ComputeType = 1 })
            : TokenAmount.Parse(options.Require("amount"), await PaymentTokens.DecimalsAsync(web3, manifest["PowerVerseCoin"]));
        await SendAsync(wallet, manifest["PowerVerseCoin"], new ApproveFunction { Spender = manifest["ProviderStaking"], Value = amount }, output);
        await SendAsync(wallet, manifest["ProviderStaking"], new StakeFunction { Hid = options.Number("hid"), Amount = amount }, output);
        return 0;
    }

    private static async Task SendAsync<TFunction>(Web3 wallet, string contract, TFunction call, TextWriter output)
        where TFunction : FunctionMessage, new()
    {
        var receipt = await wallet.Eth.GetContractTransactionHandler<TFunction>().SendRequestAndWaitForReceiptAsync(contract, call);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{typeof(TFunction).Name.Replace("Function", string.Empty, StringComparison.Ordinal)}: tx {receipt.TransactionHash} in block {receipt.BlockNumber.Value}, {(receipt.Succeeded() ? "succeeded" : "reverted")}"));
    }

    private async Task<PreparedWrite> HardwareAsync()
    {
        // The agent's `init` payload: {agent, devices:[{deviceHash, attestation, …}], owner, …}.
        using var payload = JsonDocument.Parse(await File.ReadAllTextAsync(options.Require("payload")));
        var devices = payload.RootElement.GetProperty("devices").EnumerateArray().ToList();
        var index = options.Number("device-index", devices.Count - 1);
        var device = index >= 0 && index < devices.Count ? devices[index] : throw new CommandException($"The payload has devices 0 to {devices.Count - 1}.");
        var attestation = device.TryGetProperty("attestation", out var signed)
            ? signed.GetString()!.HexToByteArray()
            : throw new CommandException("The payload's device has no attestation: run the agent's init with --owner, --chain-id and --hardware-registry.");
        return await signer.RegisterHardwareAsync(options.Number<uint>("gpu-model", 6), device.GetProperty("deviceHash").GetString()!.HexToByteArray(),
            payload.RootElement.GetProperty("agent").GetString()!, options.Number<ushort>("vcpus", 32), options.Number<uint>("memory-mib", 131_072), attestation);
    }

    private string Token() => PaymentTokens.Resolve(manifest, options.Require("token"));

    private async Task<BigInteger> AmountAsync(string name)
    {
        var token = Token();
        return TokenAmount.Parse(options.Require(name), await PaymentTokens.DecimalsAsync(web3, token));
    }

    private static (string Account, BigInteger Shares) Beneficiary(string text) =>
        text.Split(':') is [var account, var shares] && BigInteger.TryParse(shares, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? (account, n)
            : throw new CommandException($"--beneficiary is ADDRESS:SHARES, not '{text}'.");

    // A key line, or the path of a .pub file holding one.
    private string? SshKey() => options.Get("ssh-key") is not { } key ? null
        : File.Exists(key) ? File.ReadAllText(key).Trim()
        : key;
}
