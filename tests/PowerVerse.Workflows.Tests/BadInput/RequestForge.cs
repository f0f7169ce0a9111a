using System.Globalization;
using System.Numerics;
using System.Reflection;
using System.Text;
using System.Text.Json.Nodes;
using Nethereum.Contracts;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.Signer;
using Nethereum.Signer.EIP712;
using PowerVerse.Chain.Forwarding;
using Eip712Domain = Nethereum.ABI.EIP712.Domain;

namespace PowerVerse.Workflows.Tests.BadInput;

/// <summary>
/// Makes ForwardRequests as a client could, right or wrong: signed by any key (not only <c>from</c>'s), at any nonce,
/// with any deadline, and turns them into the write API's JSON body (DESIGN §4) for the generator to break.
/// </summary>
internal sealed class RequestForge(Eip712Domain domain, ulong validDeadline)
{
    public static readonly BigInteger Gas = 1_000_000;

    private static readonly MethodInfo GetCallData = typeof(FunctionMessageExtensions).GetMethods()
        .Single(m => m.Name == nameof(FunctionMessageExtensions.GetCallData) && m.GetParameters().Length == 1);

    /// <summary>A deadline the forwarder and the API accept (an hour past the later of the chain's and the wall clock).</summary>
    public ulong ValidDeadline { get; } = validDeadline;

    /// <summary><paramref name="call"/> from <paramref name="from"/> to <paramref name="to"/>, EIP-712-signed by <paramref name="signer"/> at <paramref name="nonce"/>.</summary>
    public ForwardRequestData Sign(EthECKey signer, string from, string to, FunctionMessage call, BigInteger nonce, ulong? deadline = null) =>
        Sign(signer, from, to, CallData(call), nonce, deadline);

    /// <summary>The calldata of a call of any function type (Nethereum's <c>GetCallData&lt;T&gt;</c> encodes by the static type).</summary>
    public static byte[] CallData(FunctionMessage call)
    {
        ArgumentNullException.ThrowIfNull(call);
        return (byte[])GetCallData.MakeGenericMethod(call.GetType()).Invoke(null, [call])!;
    }

    public ForwardRequestData Sign(EthECKey signer, string from, string to, byte[] data, BigInteger nonce, ulong? deadline = null)
    {
        ArgumentNullException.ThrowIfNull(signer);
        var request = new ForwardRequest { From = from, To = to, Value = 0, Gas = Gas, Nonce = nonce, Deadline = deadline ?? ValidDeadline, Data = data };

        // Eip712TypedDataSigner, not ForwardRequestSigner.Sign: that one refuses a key that is not from's.
        var signature = Eip712TypedDataSigner.Current.SignTypedDataV4(request, ForwardRequestSigner.TypedData(domain), signer);
        return new ForwardRequestData
        {
            From = request.From, To = request.To, Value = 0, Gas = Gas, Deadline = request.Deadline, Data = data, Signature = signature.HexToByteArray(),
        };
    }

    /// <summary>The API's body of <paramref name="request"/>: numbers as decimal strings, bytes as 0x and lowercase hex.</summary>
    public static JsonObject Body(ForwardRequestData request, string? sshPublicKey = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = new JsonObject
        {
            ["from"] = request.From,
            ["to"] = request.To,
            ["value"] = request.Value.ToString(CultureInfo.InvariantCulture),
            ["gas"] = request.Gas.ToString(CultureInfo.InvariantCulture),
            ["deadline"] = request.Deadline.ToString(CultureInfo.InvariantCulture),
            ["data"] = Hex(request.Data),
            ["signature"] = Hex(request.Signature),
        };
        if (sshPublicKey is not null)
        {
            body["sshPublicKey"] = sshPublicKey;
        }

        return body;
    }

    public static byte[] Utf8(JsonNode body) => Encoding.UTF8.GetBytes(body.ToJsonString());

    public static string Hex(byte[] bytes) => "0x" + Convert.ToHexStringLower(bytes);
}
