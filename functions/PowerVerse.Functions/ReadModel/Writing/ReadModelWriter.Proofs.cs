using System.Globalization;
using System.Numerics;
using System.Text.Json;
using Azure.Data.Tables;
using PowerVerse.Domain.Proofs;
using PowerVerse.Functions.ReadModel.Entities;

namespace PowerVerse.Functions.ReadModel.Writing;

/// <summary>Proofs (ProofOfCompute events) and the ranks computed from them.</summary>
internal sealed partial class ReadModelWriter
{
    public const string AllRanks = "all";

    public Task UpsertProofAsync(ProofRecord record, ChainEvent source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (!ProofStatus.IsKnown(record.Status))
        {
            throw new ArgumentException($"Unknown proof status '{record.Status}'.", nameof(record));
        }

        var entity = new ProofEntity
        {
            ChallengeId = Keys.Id(record.ChallengeId), Vid = Keys.Id(record.Vid), Hid = Keys.Id(record.Hid), ComputeType = record.ComputeType,
            Requester = Addresses.Normalize(record.Requester), Agent = record.Agent is null ? string.Empty : Addresses.Normalize(record.Agent),
            Status = record.Status, Difficulty = record.Difficulty, Shares = record.Shares, DeadlineSeconds = record.DeadlineSeconds,
            RequestedAt = record.RequestedAt, Deadline = record.Deadline, Work = Keys.Id(record.Work), ElapsedMs = record.ElapsedMs,
            StartedAt = record.StartedAt, FinishedAt = record.FinishedAt, CompletedAt = record.CompletedAt,
            HashRate = Keys.Id(RankCalculator.HashRate(record.Status, record.Work, record.ElapsedMs)),
        };
        entity.Stamp(source);
        return Task.WhenAll(
            tables.Proofs.UpsertEntityAsync(entity.Rekeyed<ProofEntity>(entity.ChallengeId, string.Empty), TableUpdateMode.Replace, cancellationToken),
            tables.ProofsByVid.UpsertEntityAsync(entity.Rekeyed<ProofEntity>(entity.Vid, Keys.Descending(record.ChallengeId)), TableUpdateMode.Replace, cancellationToken));
    }

    public Task RemoveProofAsync(BigInteger challengeId, BigInteger vid, CancellationToken cancellationToken) =>
        Task.WhenAll(
            DeleteAsync(tables.Proofs, Keys.Id(challengeId), string.Empty, cancellationToken),
            DeleteAsync(tables.ProofsByVid, Keys.Id(vid), Keys.Descending(challengeId), cancellationToken));

    /// <summary>
    /// Recomputes a VID's rank (<see cref="RankFormula"/>) from its latest finished proofs — the partition of
    /// <c>rmProofsByVid</c> read newest challenge first, verified and expired rows only, up to the window — rewrites its rank
    /// rows with the proofs used, and re-sorts its listing. Call after each proof outcome (<c>ProofVerified</c>,
    /// <c>ChallengeExpired</c>) and after retracting one; idempotent. With no finished proof the VID is unranked (its rows
    /// are removed).
    /// </summary>
    public async Task RecomputeRankAsync(BigInteger vid, ChainEvent source, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Keys.Id(vid)} and (Status eq {ProofStatus.Verified} or Status eq {ProofStatus.Expired})");
        var rows = new List<ProofEntity>(RankCalculator.Window);
        await foreach (var proof in tables.ProofsByVid.QueryAsync<ProofEntity>(filter, RankCalculator.Window, cancellationToken: cancellationToken))
        {
            rows.Add(proof);
            if (rows.Count == RankCalculator.Window)
            {
                break;
            }
        }

        var previous = await FindAsync<RankEntity>(tables.Ranks, Keys.Id(vid), string.Empty, cancellationToken);
        if (previous is not null)
        {
            await Task.WhenAll(RankBoardKeys(previous).Select(k => DeleteAsync(tables.RankBoard, k.PartitionKey, k.RowKey, cancellationToken)));
        }

        if (RankFormula.Compute(rows.Select(RankCalculator.Input)) is not { } computed)
        {
            await DeleteAsync(tables.Ranks, Keys.Id(vid), string.Empty, cancellationToken);
            await ReRankListingAsync(vid, BigInteger.Zero, cancellationToken);
            return;
        }

        var resource = await FindAsync<ResourceEntity>(tables.Resources, Keys.Id(vid), string.Empty, cancellationToken);
        var rank = new RankEntity
        {
            PartitionKey = Keys.Id(vid), Vid = Keys.Id(vid), Hid = resource?.Hid ?? rows[0].Hid,
            ComputeType = resource?.ComputeType ?? rows[0].ComputeType, GpuModel = resource?.GpuModel ?? 0,
            Score = Keys.Id(computed.Score), HashRate = Keys.Id(computed.HashRate), SuccessBps = computed.SuccessBps,
            UptimeBps = computed.UptimeBps, Verified = computed.Verified, Missed = computed.Missed, WindowFrom = computed.From,
            WindowTo = computed.To, DowntimeSeconds = computed.DowntimeSeconds, UpdatedAt = time.GetUtcNow(),
        };
        rank.Stamp(source);
        await Task.WhenAll(RankBoardKeys(rank).Select(k => tables.RankBoard.UpsertEntityAsync(
            rank.Rekeyed<RankEntity>(k.PartitionKey, k.RowKey), TableUpdateMode.Replace, cancellationToken)));
        rank.Proofs = JsonSerializer.Serialize(RankCalculator.Views(computed, rows), JsonSerializerOptions.Web);
        await tables.Ranks.UpsertEntityAsync(rank, TableUpdateMode.Replace, cancellationToken);
        await ReRankListingAsync(vid, computed.Score, cancellationToken);
    }

    private static IEnumerable<(string PartitionKey, string RowKey)> RankBoardKeys(RankEntity rank)
    {
        var rowKey = $"{Keys.Descending(BigInteger.Parse(rank.Score, CultureInfo.InvariantCulture))}-{Keys.Sortable(BigInteger.Parse(rank.Vid, CultureInfo.InvariantCulture))}";
        yield return (AllRanks, rowKey);
        yield return (Keys.Small(rank.ComputeType), rowKey);
    }
}
