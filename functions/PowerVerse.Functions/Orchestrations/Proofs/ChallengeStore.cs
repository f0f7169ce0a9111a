using System.Globalization;
using Azure;
using Azure.Data.Tables;

namespace PowerVerse.Functions.Orchestrations.Proofs;

/// <summary>
/// The challenges the platform dispatched (table <c>challenges</c>, PK the challenge id in decimal): the proof workflow
/// that owns each, the secret salt committed at dispatch (kept here, never in the workflow's history) and when the
/// challenge was sent to the agent. The <c>proof-results</c> queue function finds a result's workflow here; a challenge
/// id with no row was never issued by this platform.
/// </summary>
public sealed class ChallengeStore(TableClient table)
{
    public const string TableName = "challenges";
    private const string Row = "challenge";

    public async Task<ChallengeRecord?> GetAsync(string challengeId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(challengeId);
        try
        {
            var row = await table.GetEntityIfExistsAsync<TableEntity>(challengeId, Row, cancellationToken: cancellationToken);
            return row.HasValue ? FromEntity(row.Value!) : null;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // No table yet: no challenge was ever dispatched here.
            return null;
        }
    }

    /// <summary>The challenge's row, created with <paramref name="salt"/> when it has none (a second run of dispatch reuses the first salt).</summary>
    public async Task<ChallengeRecord> GetOrAddAsync(string challengeId, string instanceId, byte[] salt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(salt);
        if (await GetAsync(challengeId, cancellationToken) is { } existing)
        {
            return existing;
        }

        await table.CreateIfNotExistsAsync(cancellationToken);
        var record = new ChallengeRecord(challengeId, instanceId, Convert.ToHexStringLower(salt), null);
        try
        {
            await table.AddEntityAsync(ToEntity(record), cancellationToken);
            return record;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return await GetAsync(challengeId, cancellationToken) ?? throw new InvalidOperationException($"Challenge {challengeId}'s row vanished.", ex);
        }
    }

    /// <summary>
    /// Records when the challenge was first sent (a second send keeps the first time: the elapsed time it starts can
    /// only grow, so an agent never looks faster than it was) and returns the time recorded.
    /// </summary>
    public async Task<DateTimeOffset> MarkSentAsync(string challengeId, DateTimeOffset sentAt, CancellationToken cancellationToken)
    {
        while (true)
        {
            var row = await table.GetEntityAsync<TableEntity>(challengeId, Row, cancellationToken: cancellationToken);
            if (row.Value.GetDateTimeOffset("SentAt") is { } recorded)
            {
                return recorded;
            }

            row.Value["SentAt"] = sentAt;
            try
            {
                await table.UpdateEntityAsync(row.Value, row.Value.ETag, TableUpdateMode.Replace, cancellationToken);
                return sentAt;
            }
            catch (RequestFailedException ex) when (ex.Status == 412)
            {
                // Written meanwhile: read what was recorded.
            }
        }
    }

    public static string Key(System.Numerics.BigInteger challengeId) => challengeId.ToString(CultureInfo.InvariantCulture);

    private static TableEntity ToEntity(ChallengeRecord record) => new(record.ChallengeId, Row)
    {
        ["InstanceId"] = record.InstanceId,
        ["Salt"] = record.Salt,
        ["SentAt"] = record.SentAt,
    };

    private static ChallengeRecord FromEntity(TableEntity row) =>
        new(row.PartitionKey, row.GetString("InstanceId"), row.GetString("Salt"), row.GetDateTimeOffset("SentAt"));
}
