using Azure.Storage;
using Azure.Storage.Queues;
using Azure.Storage.Sas;
using PowerVerse.Functions.Orchestrations.Purchase;
using PowerVerse.Functions.Queues;

namespace PowerVerse.Functions.AgentAccess;

/// <summary>
/// Makes an agent's service SAS URLs (DESIGN §3), signed with the agent account's key: its own queue with read, update
/// and process (receive, renew a lease, delete), its poison queue, <c>proof-results</c> and <c>agent-events</c> with add
/// only. Each SAS covers one queue (a queue service SAS cannot name several), so an agent can reach nothing else.
/// The agent's two queues are created first: the SAS cannot create queues.
/// </summary>
public sealed class AgentSasIssuer(QueueServiceClient service, Lazy<StorageSharedKeyCredential> key)
{
    public AgentSasIssuer(QueueServiceClient service, StorageSharedKeyCredential key)
        : this(service, new Lazy<StorageSharedKeyCredential>(key))
    {
    }

    /// <exception cref="AgentAccessNotConfiguredException">No usable signing key (before any queue is created).</exception>
    public async Task<AgentSasView> IssueAsync(string agent, DateTimeOffset expires, CancellationToken cancellationToken)
    {
        _ = key.Value;
        var queue = AgentQueues.QueueName(agent);
        var poison = queue + "-poison";
        await service.GetQueueClient(queue).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await service.GetQueueClient(poison).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        return new AgentSasView(
            agent, AgentSasView.Time(expires),
            Url(queue, QueueSasPermissions.Read | QueueSasPermissions.Update | QueueSasPermissions.Process, expires),
            Url(poison, QueueSasPermissions.Add, expires),
            Url(ProofResultsFunction.QueueName, QueueSasPermissions.Add, expires),
            Url(AgentQueues.EventsQueue, QueueSasPermissions.Add, expires));
    }

    private Uri Url(string queue, QueueSasPermissions permissions, DateTimeOffset expires)
    {
        var sas = new QueueSasBuilder(permissions, expires) { QueueName = queue, Protocol = service.Uri.Scheme == Uri.UriSchemeHttps ? SasProtocol.Https : SasProtocol.HttpsAndHttp };
        return new QueueUriBuilder(service.GetQueueClient(queue).Uri) { Sas = sas.ToSasQueryParameters(key.Value) }.ToUri();
    }
}
