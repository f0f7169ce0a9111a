using System.Globalization;
using System.Numerics;
using System.Text.Json;
using PowerVerse.Views;

namespace PowerVerse.Dashboard.Services;

/// <summary>
/// A user's write as DESIGN §2 and §4 have it: the action's calldata in an ERC-2771 ForwardRequest to the
/// PowerForwarder at the user's next forwarder nonce (<see cref="ForwarderNonces"/>), signed in the wallet as EIP-712
/// typed data (<c>eth_signTypedData_v4</c>), posted to the action's route; the API relays it and answers the workflow
/// to follow.
/// Also the two wallet-only transactions (ERC-20 approve, staking), which the user sends and pays for.
/// </summary>
public sealed class Writer(Wallet wallet, ChainState chain, DashboardApi api, ForwarderNonces nonces) : IDisposable
{
    /// <summary>Gas the forwarder forwards to the target: enough for every action (registering hardware needs the most).</summary>
    public const long Gas = 1_000_000;

    /// <summary>How long a signed write stays valid, from the chain's latest block time.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    // One write at a time: two buttons pressed together queue, each signing at the nonce the one before it used up.
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (string Name, string Version, BigInteger ChainId, string Contract)? _domain;

    /// <summary>Signs <paramref name="calldata"/> for <paramref name="contract"/> and posts it to <paramref name="route"/> (e.g. <c>market/purchases</c>).</summary>
    /// <exception cref="WalletException">No wallet, wrong chain not switched, or the user rejected the signature.</exception>
    /// <exception cref="ApiProblemException">The API refused the write; nothing changed.</exception>
    /// <exception cref="InvalidOperationException">The account's previous write is not relayed yet (see <see cref="ForwarderNonces"/>).</exception>
    public async Task<WriteAcceptedView> SendAsync(string route, string contract, string calldata, string? sshPublicKey = null)
    {
        await _gate.WaitAsync();
        try
        {
            return await SignAndPostAsync(route, contract, calldata, sshPublicKey);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<WriteAcceptedView> SignAndPostAsync(string route, string contract, string calldata, string? sshPublicKey)
    {
        var from = wallet.RequireAddress();
        var view = await chain.GetAsync();
        await wallet.EnsureChainAsync(view.ChainId);
        var forwarder = await chain.AddressOfAsync("PowerForwarder");
        var to = await chain.AddressOfAsync(contract);
        var domain = _domain ??= await ReadDomainAsync(forwarder);
        var nonce = await nonces.NextAsync(forwarder, from);
        var deadline = await ChainTimeAsync() + (long)Lifetime.TotalSeconds;
        var message = new Dictionary<string, object>
        {
            ["from"] = from, ["to"] = to, ["value"] = "0", ["gas"] = Text(Gas), ["nonce"] = Text(nonce), ["deadline"] = Text(deadline), ["data"] = calldata,
        };
        var signature = await wallet.SignTypedDataAsync(TypedData(domain, message));
        var body = new Dictionary<string, object>(message) { ["signature"] = signature };
        body.Remove("nonce");
        if (!string.IsNullOrWhiteSpace(sshPublicKey))
        {
            body["sshPublicKey"] = sshPublicKey.Trim();
        }

        var accepted = await api.PostWriteAsync(route, JsonSerializer.Serialize(body));
        nonces.Accepted(from, nonce, accepted.Id);
        return accepted;
    }

    /// <summary>A transaction the user sends from the wallet to <paramref name="to"/> (and pays gas for), followed to its receipt.</summary>
    /// <exception cref="WalletException">Rejected, or it reverted.</exception>
    public async Task<string> TransactAsync(string to, string calldata)
    {
        var from = wallet.RequireAddress();
        await wallet.EnsureChainAsync((await chain.GetAsync()).ChainId);
        var hash = (await wallet.RequestAsync("eth_sendTransaction", new { from, to, data = calldata })).GetString()!;
        for (var attempt = 0; attempt < 240; attempt++)
        {
            var receipt = await wallet.RequestAsync("eth_getTransactionReceipt", hash);
            if (receipt.ValueKind == JsonValueKind.Object)
            {
                return receipt.GetProperty("status").GetString() == "0x1" ? hash
                    : throw new WalletException(-32000, $"The transaction {hash} was reverted by the chain.");
            }

            await Task.Delay(500);
        }

        throw new WalletException(-32000, $"The transaction {hash} was not mined within two minutes.");
    }

    /// <summary>
    /// ERC-20 balance of <paramref name="owner"/>, read from the chain: the read model keeps balances only of accounts
    /// that hold an asset, so a wallet that only ever received tokens is read here.
    /// </summary>
    public async Task<BigInteger> BalanceOfAsync(string token, string owner) =>
        (BigInteger)Calls.Decode(await wallet.CallAsync(token, Calls.BalanceOf(owner)), "uint256")[0];

    /// <summary>What <paramref name="spender"/> may take of <paramref name="owner"/>'s <paramref name="token"/> (ERC-20 allowance).</summary>
    public async Task<BigInteger> AllowanceAsync(string token, string owner, string spender) =>
        (BigInteger)Calls.Decode(await wallet.CallAsync(token, Calls.Allowance(owner, spender)), "uint256")[0];

    /// <summary>
    /// The income <paramref name="account"/> may claim of the VID now, read from the chain: it streams in over the rental's
    /// duration, and the read model has it only as of the last event that touched the account's row.
    /// </summary>
    public async Task<BigInteger> ClaimableAsync(string revenueRights, BigInteger vid, string token, string account) =>
        (BigInteger)Calls.Decode(await wallet.CallAsync(revenueRights, Calls.Claimable(vid, token, account)), "uint256")[0];

    /// <summary>The time of the chain's latest block, in unix seconds (a deadline counts from it, as the chain does).</summary>
    public async Task<long> ChainTimeAsync() =>
        Hex.ToLong((await wallet.RequestAsync("eth_getBlockByNumber", "latest", false)).GetProperty("timestamp").GetString()!);

    public void Dispose() => _gate.Dispose();

    private async Task<(string, string, BigInteger, string)> ReadDomainAsync(string forwarder)
    {
        var fields = Calls.Decode(await wallet.CallAsync(forwarder, Calls.Eip712Domain()), "bytes1", "string", "string", "uint256", "address", "bytes32", "uint256[]");
        // EIP-5267: 0x0f = name, version, chainId, verifyingContract; OpenZeppelin's forwarder sets exactly these.
        return ((byte[])fields[0])[0] == 0x0f
            ? ((string)fields[1], (string)fields[2], (BigInteger)fields[3], (string)fields[4])
            : throw new InvalidOperationException("The forwarder's EIP-712 domain has fields this dashboard does not sign.");
    }

    private static string TypedData((string Name, string Version, BigInteger ChainId, string Contract) domain, Dictionary<string, object> message) =>
        JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["types"] = new Dictionary<string, object>
            {
                ["EIP712Domain"] = Fields(("name", "string"), ("version", "string"), ("chainId", "uint256"), ("verifyingContract", "address")),
                ["ForwardRequest"] = Fields(("from", "address"), ("to", "address"), ("value", "uint256"), ("gas", "uint256"),
                    ("nonce", "uint256"), ("deadline", "uint48"), ("data", "bytes")),
            },
            ["primaryType"] = "ForwardRequest",
            ["domain"] = new Dictionary<string, object>
            {
                ["name"] = domain.Name, ["version"] = domain.Version, ["chainId"] = (long)domain.ChainId, ["verifyingContract"] = domain.Contract,
            },
            ["message"] = message,
        });

    private static object[] Fields(params (string Name, string Type)[] fields) => [.. fields.Select(f => new Dictionary<string, string> { ["name"] = f.Name, ["type"] = f.Type })];

    private static string Text<T>(T value) where T : IFormattable => value.ToString(null, CultureInfo.InvariantCulture);
}
