using System.Globalization;
using PowerVerse.Chain.Errors;
using PowerVerse.Chain.Transactions;
using PowerVerse.Functions.Orchestrations.Relaying;

namespace PowerVerse.Functions.Orchestrations.Settlement;

/// <summary>
/// One chain effect of a settlement (a refund, a settlement, an expiry), made at most once however often its activity
/// runs. Attempt 1 is sent under <see cref="Key"/> itself; only when an attempt ended on chain without the effect
/// (reverted, or refused and its nonce filled) and the chain still lacks it is the next sent, under
/// <c>&lt;key&gt;-2</c>, <c>&lt;key&gt;-3</c>, …, so a run after a crash finds every attempt in the challenger's journal
/// and sends nothing already sent. The chain's own check (an order settles once; one refund per order, see
/// <see cref="Done"/>) guards each next attempt.
/// </summary>
/// <param name="Contract">The contract called.</param>
/// <param name="Data">The call's ABI-encoded data.</param>
/// <param name="Key">The first attempt's idempotency key (the fixed one, e.g. <c>settle-&lt;uid&gt;-&lt;start&gt;</c>).</param>
/// <param name="Result">The outcome when a confirmed transaction had the effect; null when it did not.</param>
/// <param name="Done">Asked of the chain before each new attempt: an outcome that makes sending needless, or null.</param>
/// <param name="Refused">The outcome when the call reverts at estimation (the chain's refusal), or throws.</param>
internal sealed record ChainEffect<T>(
    string Contract, byte[] Data, string Key, Func<SettlementChain.Sent, T?> Result, Func<Task<T?>> Done, Func<ContractRevertedException, Task<T>> Refused)
    where T : class
{
    public const int MaxAttempts = 5;

    public static string AttemptKey(string key, int attempt) =>
        attempt == 1 ? key : string.Create(CultureInfo.InvariantCulture, $"{key}-{attempt}");

    public async Task<T> MakeAsync(SettlementChain chain, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(chain);
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var key = AttemptKey(Key, attempt);
            SettlementChain.Sent? sent = null;
            if (await chain.JournalledAsync(key) is { } journalled)
            {
                sent = await chain.ConfirmAsync(journalled, timeout);
            }
            else
            {
                if (await Done() is { } needless)
                {
                    return needless;
                }

                try
                {
                    sent = await chain.SendAsync(Contract, Data, key, timeout);
                }
                catch (ContractRevertedException ex)
                {
                    return await Refused(ex);
                }
                catch (TransactionRejectedException)
                {
                    // Refused at sending though its estimate passed (the state changed in between): its nonce was filled.
                }
            }

            if (sent is not null && Result(sent) is { } made)
            {
                return made;
            }

            if (await Done() is { } after)
            {
                return after;
            }
        }

        throw new WriteRejectedException($"{MaxAttempts} attempts at {Key} ended on chain without their effect.");
    }
}
