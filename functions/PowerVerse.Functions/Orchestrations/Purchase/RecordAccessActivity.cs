using Microsoft.DurableTask;

namespace PowerVerse.Functions.Orchestrations.Purchase;

/// <summary>Keeps the endpoint the agent granted, for the UID's user to read at <c>/api/usage-rights/{uid}</c>.</summary>
[DurableTask(Name)]
public sealed class RecordAccessActivity(AccessStore access, TimeProvider time) : TaskActivity<RecordAccessActivity.Input, bool>
{
    public const string Name = "RecordAccess";

    public override async Task<bool> RunAsync(TaskActivityContext context, Input input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var grant = input.Grant;
        await access.SaveAsync(
            new AccessGrant(grant.Uid, grant.Vid, grant.User, grant.Expires, input.Applied.Agent, grant.WorkflowId, input.Applied.Endpoint, time.GetUtcNow()),
            CancellationToken.None);
        return true;
    }

    public sealed record Input(GrantRequest Grant, GrantApplied Applied);
}
