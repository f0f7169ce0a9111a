using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.JsonRpc.Client;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.Signer;
using Nethereum.Signer.EIP712;
using Nethereum.Web3;
using Nethereum.Web3.Accounts;
using Newtonsoft.Json;

namespace PowerVerse.Dashboard.Tests.Wallet;

/// <summary>
/// One test user's browser wallet, in .NET: the page's injected <c>window.ethereum</c> (injected-wallet.js) hands every
/// EIP-1193 request to <see cref="HandleAsync"/>, answered as a wallet holding <see cref="Key"/> answers: its account,
/// its chain (and no switch to another), EIP-712 v4 and EIP-191 signatures and transactions signed with the key; every
/// other method goes to the node's JSON-RPC, as wallets forward reads. Every request is recorded for the tests.
/// </summary>
public sealed class TestWallet
{
    // EIP-1193 provider errors and EIP-1474 JSON-RPC errors, the codes wallets answer with.
    private const int Unauthorized = 4100;
    private const int UnrecognizedChain = 4902;
    private const int InvalidParams = -32602;
    private const int InternalError = -32603;

    private readonly ConcurrentQueue<WalletRequest> _requests = new();
    private readonly NodeRpc _node;
    private readonly Web3 _web3;

    public TestWallet(EthECKey key, long chainId, Uri rpcUrl)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(rpcUrl);
        Key = key;
        ChainId = chainId;
        _node = new NodeRpc(rpcUrl);
        _web3 = new Web3(new Account(key, chainId), rpcUrl.ToString());
    }

    public EthECKey Key { get; }

    /// <summary>EIP-55 address.</summary>
    public string Address => Key.GetPublicAddress();

    public long ChainId { get; }

    /// <summary>Every request the page made, in order.</summary>
    public IReadOnlyList<WalletRequest> Requests => [.. _requests];

    /// <summary>The function exposed to the page: one request <c>{method, params}</c> in, <c>{result}</c> or <c>{error: {code, message}}</c> out.</summary>
    public async Task<string> HandleAsync(string request)
    {
        using var json = JsonDocument.Parse(request);
        var method = json.RootElement.GetProperty("method").GetString() ?? string.Empty;
        var parameters = json.RootElement.TryGetProperty("params", out var given) ? given.Clone() : default;
        _requests.Enqueue(WalletRequest.Of(method, parameters));
        try
        {
            return new JsonObject { ["result"] = await AnswerAsync(method, parameters) }.ToJsonString();
        }
        catch (WalletException e)
        {
            return new JsonObject { ["error"] = e.ToJson() }.ToJsonString();
        }
#pragma warning disable CA1031 // A wallet answers every request: what the key or the node refused becomes the page's error.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return new JsonObject { ["error"] = new WalletException(InternalError, e.Message).ToJson() }.ToJsonString();
        }
    }

    private async Task<JsonNode?> AnswerAsync(string method, JsonElement parameters) => method switch
    {
        // Wallets hand out lower-case addresses (MetaMask does): pages must not compare them case-sensitively.
        "eth_requestAccounts" or "eth_accounts" => new JsonArray(JsonValue.Create(Address.ToLowerInvariant())),
        "eth_chainId" => JsonValue.Create(Hex(ChainId)),
        "wallet_switchEthereumChain" => SwitchChain(Param(parameters, 0)),
        "eth_signTypedData_v4" => JsonValue.Create(SignTypedData(Param(parameters, 0), Param(parameters, 1))),
        "personal_sign" => JsonValue.Create(PersonalSign(Param(parameters, 0), Param(parameters, 1))),
        "eth_sendTransaction" => JsonValue.Create(await SendTransactionAsync(Param(parameters, 0))),
        _ => await _node.ForwardAsync(method, parameters),
    };

    private JsonNode? SwitchChain(JsonElement target)
    {
        var chainId = target.TryGetProperty("chainId", out var id) ? id.GetString() : null;
        return string.Equals(chainId, Hex(ChainId), StringComparison.OrdinalIgnoreCase)
            ? null
            : throw new WalletException(UnrecognizedChain, $"Unrecognized chain ID \"{chainId}\". Try adding the chain using wallet_addEthereumChain first.");
    }

    /// <summary>EIP-712 v4 (params: signer, typed data as JSON text or object), as MetaMask signs it.</summary>
    private string SignTypedData(JsonElement signer, JsonElement typedData)
    {
        RequireOwn(signer.GetString());
        var json = typedData.ValueKind == JsonValueKind.String ? typedData.GetString()! : typedData.GetRawText();
        return Eip712TypedDataSigner.Current.SignTypedDataV4(json, Key);
    }

    /// <summary>EIP-191 <c>personal_sign</c> (params: message as 0x hex bytes or text, signer).</summary>
    private string PersonalSign(JsonElement message, JsonElement signer)
    {
        RequireOwn(signer.GetString());
        var text = message.GetString() ?? string.Empty;
        var bytes = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? text.HexToByteArray() : Encoding.UTF8.GetBytes(text);
        return new EthereumMessageSigner().Sign(bytes, Key);
    }

    /// <summary>Signs the transaction with the key (nonce, gas and fees filled in where the page left them out) and sends it; answers its hash.</summary>
    private async Task<string> SendTransactionAsync(JsonElement transaction)
    {
        var input = JsonConvert.DeserializeObject<TransactionInput>(transaction.GetRawText())
            ?? throw new WalletException(InvalidParams, "eth_sendTransaction expects a transaction object.");
        RequireOwn(input.From);
        try
        {
            // As wallets do, the gas a page leaves out is estimated (Nethereum's own default is a plain transfer's 21000).
            input.Gas ??= await _web3.TransactionManager.EstimateGasAsync(input);
            return await _web3.TransactionManager.SendTransactionAsync(input);
        }
        catch (RpcResponseException e)
        {
            throw new WalletException(e.RpcError.Code, e.RpcError.Message, e.RpcError.Data is { } data ? JsonNode.Parse(JsonConvert.SerializeObject(data)) : null);
        }
    }

    private void RequireOwn(string? address)
    {
        if (!string.Equals(address, Address, StringComparison.OrdinalIgnoreCase))
        {
            throw new WalletException(Unauthorized, $"The requested account {address} has not been authorized by the user.");
        }
    }

    private static JsonElement Param(JsonElement parameters, int index) =>
        parameters.ValueKind == JsonValueKind.Array && parameters.GetArrayLength() > index
            ? parameters[index]
            : throw new WalletException(InvalidParams, $"Missing parameter {index}.");

    private static string Hex(long value) => "0x" + value.ToString("x", CultureInfo.InvariantCulture);
}
