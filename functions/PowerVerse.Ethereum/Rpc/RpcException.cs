using System.Text.Json;
using PowerVerse.Ethereum.Hex;

namespace PowerVerse.Ethereum.Rpc;

/// <summary>
/// The node answered with a JSON-RPC error object (JSON-RPC 2.0 §5.1). Keeps the node's code, message
/// and data; <see cref="RevertData"/> holds the revert bytes when the error is a failed call.
/// </summary>
public sealed class RpcException : Exception
{
    public RpcException()
    {
    }

    public RpcException(string message)
        : base(message)
    {
    }

    public RpcException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public RpcException(string method, int code, string nodeMessage, JsonElement? data)
        : base($"{method} failed: {nodeMessage} (code {code})")
    {
        Method = method;
        Code = code;
        NodeMessage = nodeMessage;
        ErrorData = data;
        RevertData = FindRevertData(data);
    }

    public string Method { get; } = string.Empty;

    public int Code { get; }

    public string NodeMessage { get; } = string.Empty;

    /// <summary>The error's "data" member as the node sent it.</summary>
    public JsonElement? ErrorData { get; }

    /// <summary>Revert bytes (selector ‖ arguments) when the node reported them; null otherwise.</summary>
    public byte[]? RevertData { get; }

    /// <summary>The revert decoded with a contract's errors, when a caller has done so (see <see cref="Abi.ContractAbi.TryDecodeError"/>).</summary>
    public string? DecodedRevert { get; init; }

    public override string Message => DecodedRevert is null ? base.Message : $"{base.Message}: reverted with {DecodedRevert}";

    /// <summary>Nodes put revert data either directly in "data" (geth, anvil) or in "data.data" (Hardhat).</summary>
    private static byte[]? FindRevertData(JsonElement? data)
    {
        if (data is not { } d)
        {
            return null;
        }

        if (d.ValueKind == JsonValueKind.String && HexEncoding.IsHex(d.GetString()) && d.GetString()!.Length % 2 == 0)
        {
            return HexEncoding.ToBytes(d.GetString()!);
        }

        return d.ValueKind == JsonValueKind.Object && d.TryGetProperty("data", out var inner) ? FindRevertData(inner) : null;
    }
}
