using System.Numerics;
using Nethereum.Web3;
using PowerVerse.Chain.Deployment;
using PowerVerse.Chain.Events;
using PowerVerse.Domain.Dividends;
using PowerVerse.Functions.ReadModel;
using static PowerVerse.Functions.Indexer.Projections.ContractNames;

namespace PowerVerse.Functions.Indexer.Projections;

/// <summary>
/// What the monthly dividend counts (DESIGN §2, DividendDistributor), marked month by month in chain time as the
/// events arrive: a VID listed (every month a listing was open), rented (every month of the rental), online (a proof
/// verified), a challenge of it missed (expired), an HID slashed. Listings still open are kept with their start, so a
/// month's snapshot sees a listing that is open across it.
/// </summary>
internal sealed class DividendActivityProjection : IEventProjection
{
    private readonly DividendActivity _activity;
    private readonly ChainReader _chain;
    private readonly Dictionary<string, string> _contractOf;

    public DividendActivityProjection(IWeb3 web3, DeploymentManifest manifest, EventRegistry events, DividendActivity activity)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        _activity = activity;
        _chain = new ChainReader(web3, manifest, events);
        _contractOf = manifest.Contracts.ToDictionary(c => c.Value.ToLowerInvariant(), c => c.Key, StringComparer.Ordinal);
    }

    public Task ApplyAsync(DecodedEvent chainEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chainEvent);
        return (_contractOf.GetValueOrDefault(chainEvent.Contract.ToLowerInvariant()), chainEvent.Name) switch
        {
            (ComputeMarket, "Listed") => ListedAsync(chainEvent, cancellationToken),
            (ComputeMarket, "Unlisted") => CloseAsync(chainEvent.Number("uid"), chainEvent, cancellationToken),
            (ComputeMarket, "Purchased") => PurchasedAsync(chainEvent, cancellationToken),
            (UsageRights, "Transfer") when !ChainReader.IsZero(chainEvent.Address("from")) => CloseAsync(chainEvent.Number("tokenId"), chainEvent, cancellationToken),
            (ProofOfCompute, "ProofVerified") => MarkAsync(DividendActivity.Online, chainEvent.Number("vid"), chainEvent, cancellationToken),
            (ProofOfCompute, "ChallengeExpired") => MarkAsync(DividendActivity.Missed, chainEvent.Number("vid"), chainEvent, cancellationToken),
            (ProviderStaking, "Slashed") => MarkAsync(DividendActivity.Slashed, chainEvent.Number("hid"), chainEvent, cancellationToken),
            _ => Task.CompletedTask,
        };
    }

    public async Task ResetAsync(CancellationToken cancellationToken)
    {
        await _activity.ClearAsync(cancellationToken);
        _chain.Clear();
    }

    private async Task ListedAsync(DecodedEvent e, CancellationToken cancellationToken)
    {
        var (uid, vid, time) = (e.Number("uid"), e.Number("vid"), await _chain.BlockTimeAsync(e.BlockNumber));
        await _activity.MarkAsync(DividendActivity.Listed, vid, [DividendPeriod.Of(time)], e.Source(), cancellationToken);
        await _activity.OpenListingAsync(uid, vid, time, e.Source(), cancellationToken);
    }

    private async Task PurchasedAsync(DecodedEvent e, CancellationToken cancellationToken)
    {
        await CloseAsync(e.Number("uid"), e, cancellationToken);
        var start = await _chain.BlockTimeAsync(e.BlockNumber);
        var end = DateTimeOffset.FromUnixTimeSeconds((long)e.Number("expires") - 1);
        await _activity.MarkAsync(DividendActivity.Rented, e.Number("vid"), DividendPeriod.Of(start).Through(DividendPeriod.Of(end > start ? end : start)), e.Source(), cancellationToken);
    }

    /// <summary>A listing ends: every month it was open counts as listed.</summary>
    private async Task CloseAsync(BigInteger uid, DecodedEvent e, CancellationToken cancellationToken)
    {
        if (await _activity.OpenListingAsync(uid, cancellationToken) is not { Since: { } since } open)
        {
            return;
        }

        var end = await _chain.BlockTimeAsync(e.BlockNumber);
        var vid = BigInteger.Parse(open.Vid, System.Globalization.CultureInfo.InvariantCulture);
        await _activity.MarkAsync(DividendActivity.Listed, vid, DividendPeriod.Of(since).Through(DividendPeriod.Of(end)), e.Source(), cancellationToken);
        await _activity.CloseListingAsync(uid, cancellationToken);
    }

    private async Task MarkAsync(string kind, BigInteger id, DecodedEvent e, CancellationToken cancellationToken) =>
        await _activity.MarkAsync(kind, id, [DividendPeriod.Of(await _chain.BlockTimeAsync(e.BlockNumber))], e.Source(), cancellationToken);
}
