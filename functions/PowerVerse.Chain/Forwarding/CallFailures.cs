using System.Numerics;
using Nethereum.ABI.FunctionEncoding;
using Nethereum.Contracts;
using Nethereum.JsonRpc.Client;

namespace PowerVerse.Chain.Forwarding;

/// <summary>How nodes answer an <c>eth_call</c> that fails without revert data (wording differs by client).</summary>
internal static class CallFailures
{
    /// <summary>
    /// A bare <c>revert()</c> or a call to a function the target lacks (EIP-1474 code 3, geth "execution reverted",
    /// Hardhat "Transaction reverted without a reason string"), or the call ran out of its gas: all fail the same way
    /// when relayed. Other node errors (limits, unknown blocks) are not about the call and stay as they are.
    /// </summary>
    public static bool IsRevertWithoutData(Exception exception) => exception switch
    {
        SmartContractRevertException or SmartContractCustomErrorRevertException => true,
        RpcResponseException rpc => rpc.RpcError.Code == 3 || Mentions(rpc, "revert") || Mentions(rpc, "out of gas"),
        _ => false,
    };

    /// <summary>
    /// The gas of a transaction whose execution gets <paramref name="executionGas"/>: that plus the intrinsic cost the
    /// node charges first (Yellow Paper G_transaction 21000, G_txdatazero 4, G_txdatanonzero 16), which the forwarder's
    /// internal call does not pay.
    /// </summary>
    public static BigInteger WithIntrinsicGas(BigInteger executionGas, byte[] calldata) =>
        executionGas + 21_000 + calldata.Sum(b => b == 0 ? 4 : 16);

    private static bool Mentions(RpcResponseException rpc, string text) =>
        rpc.RpcError.Message?.Contains(text, StringComparison.OrdinalIgnoreCase) == true;
}
