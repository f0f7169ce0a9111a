using System.Globalization;
using System.Numerics;
using Nethereum.Hex.HexConvertors.Extensions;
using PowerVerse.Chain.Forwarding;

namespace PowerVerse.Functions.Writes;

/// <summary>
/// A checked write as its workflow carries it (the orchestration's input, so plain JSON-friendly values): the action,
/// the signed ERC-2771 request (numbers as decimal strings, bytes as 0x hex), the forwarder nonce it was signed at,
/// its EIP-712 hash (the workflow's id and the relayer's idempotency key), what the purchase passes to the agent and how
/// long it waits for it.
/// </summary>
public sealed record WriteRequest(
    string Action, string Id, string From, string To, string Value, string Gas, ulong Deadline, string Data, string Signature, string Nonce,
    string? SshPublicKey = null, long AgentTimeoutSeconds = 600)
{
    public static WriteRequest Of(WriteAction action, string id, ForwardRequestData request, BigInteger nonce, string? sshPublicKey, TimeSpan agentTimeout)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(request);
        return new WriteRequest(
            action.Name, id, request.From, request.To, Decimal(request.Value), Decimal(request.Gas), request.Deadline,
            request.Data.ToHex(prefix: true), request.Signature.ToHex(prefix: true), Decimal(nonce), sshPublicKey, (long)agentTimeout.TotalSeconds);
    }

    public ForwardRequestData ToForwardRequestData() => new()
    {
        From = From,
        To = To,
        Value = BigInteger.Parse(Value, CultureInfo.InvariantCulture),
        Gas = BigInteger.Parse(Gas, CultureInfo.InvariantCulture),
        Deadline = Deadline,
        Data = Data.HexToByteArray(),
        Signature = Signature.HexToByteArray(),
    };

    private static string Decimal(BigInteger value) => value.ToString(CultureInfo.InvariantCulture);
}
