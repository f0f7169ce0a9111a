using System.Globalization;
using PowerVerse.Chain.Errors;
using PowerVerse.Functions.Writes;

namespace PowerVerse.Functions.Orchestrations.Relaying;

/// <summary>
/// Why the forwarder refused a request it was asked to execute. OpenZeppelin's forwarder reverts a failed call with
/// its own <c>FailedCall()</c>, hiding the target's reason, so the call is simulated again to name it; failing that,
/// the request's nonce or deadline is the reason.
/// </summary>
internal static class Rejections
{
    public static async Task<WriteRejectedException?> ExplainAsync(WriteChain chain, WriteRequest write, Exception cause)
    {
        var request = write.ToForwardRequestData();
        try
        {
            await chain.Forwarder.SimulateAsync(request);
        }
        catch (ContractRevertedException reverted)
        {
            return new WriteRejectedException($"The call reverts: {reverted.Error?.ToString() ?? "without a reason"}.", cause);
        }

        var current = await chain.NonceAsync(request.From);
        if (current.ToString(CultureInfo.InvariantCulture) != write.Nonce)
        {
            return new WriteRejectedException(
                $"Forwarder nonce {write.Nonce} of {write.From} was used by another transaction (it is at {current.ToString(CultureInfo.InvariantCulture)} now).", cause);
        }

        var now = await chain.NowAsync();
        return (ulong)now.ToUnixTimeSeconds() > write.Deadline
            ? new WriteRejectedException($"The request expired at {DateTimeOffset.FromUnixTimeSeconds((long)Math.Min(write.Deadline, 253402300799)):yyyy-MM-ddTHH:mm:ssZ} before it was executed.", cause)
            : null;
    }
}
