using System.Globalization;
using System.Numerics;
using Microsoft.DurableTask;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.Util;
using PowerVerse.Chain.Contracts;
using PowerVerse.Domain.Proofs;
using PowerVerse.Functions.Indexer;
using PowerVerse.Functions.Orchestrations.Relaying;

namespace PowerVerse.Functions.Orchestrations.Settlement;

/// <summary>
/// Where the rental's proofs stand: the read model is brought up to the chain's head (whose time is past the rental's
/// end, so every challenge issued before the end is in it), each challenge it still shows open is asked of the chain,
/// and when all of them have finished the proven downtime inside [start, end) is measured with
/// <see cref="ProvenDowntime"/> — the measure the public rank's uptime uses.
/// </summary>
[DurableTask(Name)]
public sealed class SettlementProofsActivity(SettlementChain chain, ChainIndexer indexer, RentalProofs proofs, RelayOptions options)
    : TaskActivity<SettlementInput, RentalProofsState>
{
    public const string Name = "SettlementProofs";

    /// <summary>The longest a workflow sleeps before asking again about a challenge that is still running.</summary>
    public const long MaxWaitSeconds = 60;

    public override async Task<RentalProofsState> RunAsync(TaskActivityContext context, SettlementInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (head, now) = await chain.HeadAsync();
        var order = await chain.OrderAsync(input.UidNumber);
        if (order.State == MarketOrder.Settled && (long)order.Start == input.Start)
        {
            return RentalProofsState.AlreadySettled(head);
        }

        if (order.State != MarketOrder.Escrowed || (long)order.Start != input.Start || (long)order.End != input.End)
        {
            throw new WriteRejectedException(string.Create(CultureInfo.InvariantCulture,
                $"UID {input.Uid} has no escrow that started at {input.Start} and ends at {input.End} (state {order.State}, start {order.Start}, end {order.End})."));
        }

        if (now < input.End)
        {
            return RentalProofsState.Wait(Math.Min(input.End - now, MaxWaitSeconds), head);
        }

        using (var timeout = new CancellationTokenSource(options.IndexTimeout))
        {
            await indexer.EnsureIndexedAsync(head, timeout.Token);
        }

        var found = await proofs.ReadAsync(input.VidNumber, input.Start, input.End, await chain.DisputeWindowAsync(), CancellationToken.None);
        var expire = new List<string>();
        long wait = 0;
        foreach (var open in found.Open)
        {
            var challenge = await chain.ChallengeAsync(open.ChallengeId);
            if (challenge.Status != ChallengeInfo.Open)
            {
                // Finished since the head was indexed: ask again once the indexer has it.
                wait = Math.Max(wait, 1);
            }
            else if (now > (long)challenge.Deadline)
            {
                expire.Add(open.ChallengeId.ToString(CultureInfo.InvariantCulture));
            }
            else
            {
                wait = Math.Max(wait, Math.Min((long)challenge.Deadline - now + 1, MaxWaitSeconds));
            }
        }

        if (expire.Count > 0)
        {
            return new RentalProofsState(false, 0, expire, 0, [], null, head);
        }

        if (wait > 0)
        {
            return RentalProofsState.Wait(wait, head);
        }

        var downtime = ProvenDowntime.Within(found.Finished, input.Start, input.End);
        var missed = found.Finished.Where(p => p.Outcome == ProofOutcome.Missed).Select(p => p.ChallengeId).Order().ToList();
        return new RentalProofsState(false, 0, [], downtime, [.. missed.Select(id => id.ToString(CultureInfo.InvariantCulture))], Reason(missed), head);
    }

    /// <summary>
    /// The refund's <c>reason</c>: keccak256(abi.encodePacked(uint256[] ids)) of the missed challenges the downtime was
    /// measured from, ascending — anyone can check it against the VID's proofs.
    /// </summary>
    public static string Reason(IReadOnlyList<BigInteger> missed)
    {
        ArgumentNullException.ThrowIfNull(missed);
        var packed = new byte[32 * missed.Count];
        for (var i = 0; i < missed.Count; i++)
        {
            var word = missed[i].ToByteArray(isUnsigned: true, isBigEndian: true);
            word.CopyTo(packed, (32 * (i + 1)) - word.Length);
        }

        return Sha3Keccack.Current.CalculateHash(packed).ToHex(prefix: true);
    }
}
