using System.Globalization;
using Azure.Data.Tables;

namespace PowerVerse.Functions.Orchestrations.Purchase;

/// <summary>
/// The access grants (table <c>access</c>, one row per UID). Not part of the read model: nothing on chain says where
/// a user connects, so a rebuild of the read model never touches it. Only the UID's user is ever shown its endpoint.
/// </summary>
public sealed class AccessStore(TableClient table)
{
    public const string TableName = "access";
    private const string Row = "grant";

    public Task CreateIfNotExistsAsync(CancellationToken cancellationToken) => table.CreateIfNotExistsAsync(cancellationToken);

    public async Task<AccessGrant?> GetAsync(string uid, CancellationToken cancellationToken)
    {
        var row = await table.GetEntityIfExistsAsync<TableEntity>(uid, Row, cancellationToken: cancellationToken);
        return row.HasValue ? FromEntity(row.Value!) : null;
    }

    /// <summary>Writes the grant (the same write again changes nothing: a purchase's activities run at least once).</summary>
    public async Task SaveAsync(AccessGrant grant, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grant);
        await table.CreateIfNotExistsAsync(cancellationToken);
        await table.UpsertEntityAsync(ToEntity(grant), TableUpdateMode.Replace, cancellationToken);
    }

    private static TableEntity ToEntity(AccessGrant grant) => new(grant.Uid, Row)
    {
        ["Vid"] = grant.Vid,
        ["User"] = grant.User,
        ["Expires"] = grant.Expires,
        ["Agent"] = grant.Agent,
        ["WorkflowId"] = grant.WorkflowId,
        ["Host"] = grant.Endpoint?.Host,
        ["Port"] = grant.Endpoint?.Port,
        ["SshUser"] = grant.Endpoint?.User,
        ["AppliedAt"] = grant.AppliedAt,
    };

    private static AccessGrant FromEntity(TableEntity row) => new(
        row.PartitionKey,
        row.GetString("Vid"),
        row.GetString("User"),
        row.GetInt64("Expires") ?? 0,
        row.GetString("Agent"),
        row.GetString("WorkflowId"),
        row.GetString("Host") is { } host ? new AccessEndpoint(host, row.GetInt32("Port") ?? 0, row.GetString("SshUser") ?? string.Empty) : null,
        row.GetDateTimeOffset("AppliedAt"));

    public static string Key(System.Numerics.BigInteger uid) => uid.ToString(CultureInfo.InvariantCulture);
}
