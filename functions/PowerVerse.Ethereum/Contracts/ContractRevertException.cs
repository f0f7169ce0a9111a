using PowerVerse.Ethereum.Abi;
using PowerVerse.Ethereum.Rpc;

namespace PowerVerse.Ethereum.Contracts;

/// <summary>
/// A contract call or transaction reverted. <see cref="Error"/> is the decoded custom error, Error(string) or
/// Panic(uint256) when the contract's ABI knows it, and the message reads like
/// <c>ComputeMarketListingNotActive(uid=7)</c> rather than hex.
/// </summary>
public sealed class ContractRevertException : Exception
{
    public ContractRevertException()
    {
    }

    public ContractRevertException(string message)
        : base(message)
    {
    }

    public ContractRevertException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ContractRevertException(string function, DecodedError? error, byte[]? revertData, RpcException? inner)
        : base(Describe(function, error, revertData, inner), inner!)
    {
        Error = error;
        RevertData = revertData;
    }

    public DecodedError? Error { get; }

    public byte[]? RevertData { get; }

    /// <summary>The custom error's name, e.g. "ComputeMarketListingNotActive"; null when unknown.</summary>
    public string? ErrorName => Error?.Name;

    private static string Describe(string function, DecodedError? error, byte[]? data, RpcException? inner) => error is not null
        ? $"{function} reverted: {error}"
        : data is { Length: > 0 }
            ? $"{function} reverted with unknown data {Hex.HexEncoding.ToHex(data)}"
            : $"{function} reverted without data{(inner is null ? string.Empty : ": " + inner.NodeMessage)}";
}
