using System.Globalization;
using System.Numerics;
using Azure;
using Azure.Data.Tables;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using PowerVerse.Chain.Contracts;
using PowerVerse.Functions.ReadModel;

namespace PowerVerse.Functions.Orchestrations.Proofs;

/// <summary>
/// The platform's proof cadence (DESIGN §2: the DAO's proof parameters set it): every listed or rented resource is
/// challenged by the challenger once its last platform challenge is older than the DAO's <c>challengeCooldown</c>
/// (or <see cref="ProofOptions.Cadence"/>) and no longer open. Each proof's instance id is
/// <c>cadence-&lt;vid&gt;-&lt;last challenge id&gt;</c>, the proof that follows that challenge, so hosts that sweep at the
/// same time start it once.
/// </summary>
public sealed class ProofCadence
{
    private readonly ReadModelTables _tables;
    private readonly Challenger _challenger;
    private readonly ProofOptions _options;

    internal ProofCadence(ReadModelTables tables, Challenger challenger, ProofOptions options) =>
        (_tables, _challenger, _options) = (tables, challenger, options);

    public bool IsOff => _options.Cadence == TimeSpan.Zero;

    /// <summary>Starts the proofs that are due; returns the instance ids started.</summary>
    public async Task<IReadOnlyList<string>> RunAsync(DurableTaskClient workflows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workflows);
        if (IsOff)
        {
            return [];
        }

        var now = await _challenger.ChainTimeAsync();
        var cadence = _options.Cadence is { } every ? (long)every.TotalSeconds : await _challenger.CooldownAsync();
        var platform = await _challenger.AddressAsync(cancellationToken);
        var started = new List<string>();
        foreach (var vid in await CandidatesAsync(now, cancellationToken))
        {
            if (started.Count >= _options.CadenceBatch)
            {
                break;
            }

            var last = await _challenger.LastRequestAsync(vid, platform);
            if (!last.IsZero && !IsDue(await _challenger.ChallengeAsync(last), now, cadence))
            {
                continue;
            }

            var id = FormattableString.Invariant($"cadence-{vid}-{last}");
            if (await StartAsync(workflows, id, vid, cancellationToken))
            {
                started.Add(id);
            }
        }

        return started;
    }

    /// <summary>Due when the last platform challenge is closed (by the contract's rule: past its window) and older than the cadence.</summary>
    public static bool IsDue(ChallengeInfo last, long now, long cadence)
    {
        ArgumentNullException.ThrowIfNull(last);
        var open = (last.Status == ChallengeInfo.Requested && now <= (long)last.RequestedAt + last.DeadlineSeconds)
            || (last.Status == ChallengeInfo.Open && now <= (long)last.Deadline);
        return !open && now >= (long)last.RequestedAt + cadence;
    }

    /// <summary>The VIDs listed on the market or rented now (read model), each once, in order.</summary>
    private async Task<IReadOnlyList<BigInteger>> CandidatesAsync(long now, CancellationToken cancellationToken)
    {
        var vids = new SortedSet<BigInteger>();
        await CollectAsync(_tables.Listings, null, vids, cancellationToken);
        await CollectAsync(_tables.Resources, TableClient.CreateQueryFilter($"BoundUidExpires gt {now} and Retired eq {false}"), vids, cancellationToken);
        return [.. vids];
    }

    private static async Task CollectAsync(TableClient table, string? filter, SortedSet<BigInteger> vids, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["Vid"], cancellationToken: cancellationToken))
            {
                if (BigInteger.TryParse(row.GetString("Vid"), NumberStyles.None, CultureInfo.InvariantCulture, out var vid))
                {
                    vids.Add(vid);
                }
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Not created yet: nothing listed or rented.
        }
    }

    private static async Task<bool> StartAsync(DurableTaskClient workflows, string id, BigInteger vid, CancellationToken cancellationToken)
    {
        if (await workflows.GetInstanceAsync(id, getInputsAndOutputs: false, cancellationToken) is not null)
        {
            return false;
        }

        var options = new StartOrchestrationOptions(id).WithDedupeStatuses(StartOrchestrationOptionsExtensions.ValidDedupeStatuses.ToArray());
        try
        {
            await workflows.ScheduleNewOrchestrationInstanceAsync(
                ProofRequest.PlatformWorkflow, ProofRequest.Platform(vid.ToString(CultureInfo.InvariantCulture)), options, cancellationToken);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Another host started it at the same moment: that start is this one.
            if (await workflows.GetInstanceAsync(id, getInputsAndOutputs: false, cancellationToken) is null)
            {
                throw;
            }

            return false;
        }
    }
}
