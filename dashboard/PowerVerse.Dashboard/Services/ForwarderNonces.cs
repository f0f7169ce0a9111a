using System.Numerics;

namespace PowerVerse.Dashboard.Services;

/// <summary>
/// The ERC-2771 forwarder nonce a user's next ForwardRequest is signed at. The forwarder's <c>nonces(from)</c> counts
/// only requests already relayed, and the API accepts a write (202) long before its relayer mines it: a second write
/// signed meanwhile would carry the same nonce and be refused after the user signed it. So the nonce last signed here
/// is remembered per account, and the next write waits until the chain has counted it.
/// </summary>
public sealed class ForwarderNonces(Wallet wallet, DashboardApi api, TimeProvider time)
{
    /// <summary>How often the chain's nonce is read again while the previous write is on its way.</summary>
    public static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(500);

    /// <summary>How long a write waits for the previous one to be relayed.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private readonly Dictionary<string, (BigInteger Nonce, string WorkflowId)> _signed = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The nonce to sign <paramref name="from"/>'s next request at: the chain's, once it has counted the last one signed here.</summary>
    /// <exception cref="InvalidOperationException">The previous write was not relayed within <see cref="Patience"/>.</exception>
    public async Task<BigInteger> NextAsync(string forwarder, string from)
    {
        var deadline = time.GetUtcNow() + Patience;
        while (true)
        {
            var nonce = await ReadAsync(forwarder, from);
            if (!_signed.TryGetValue(from, out var last) || nonce > last.Nonce)
            {
                return nonce;
            }

            if (await EndedAsync(last.WorkflowId))
            {
                // Failed, terminated or canceled: its nonce is free unless it was relayed after the read above, so read again.
                _signed.Remove(from);
                continue;
            }

            if (time.GetUtcNow() >= deadline)
            {
                // Forgotten, so that a write the chain never counts does not hold up the account's next ones for good.
                _signed.Remove(from);
                throw new InvalidOperationException("Your previous write is still being processed; try again in a moment.");
            }

            await Task.Delay(Poll, time);
        }
    }

    /// <summary>Remembers that the API accepted <paramref name="from"/>'s request signed at <paramref name="nonce"/> as the workflow <paramref name="workflowId"/>.</summary>
    public void Accepted(string from, BigInteger nonce, string workflowId) => _signed[from] = (nonce, workflowId);

    private async Task<BigInteger> ReadAsync(string forwarder, string from) =>
        (BigInteger)Calls.Decode(await wallet.CallAsync(forwarder, Calls.Nonces(from)), "uint256")[0];

    private async Task<bool> EndedAsync(string workflowId) =>
        (await api.WorkflowAsync(workflowId))?.Status is "Failed" or "Terminated" or "Canceled";
}
