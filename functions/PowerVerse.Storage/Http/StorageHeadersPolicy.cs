using System.Globalization;
using Azure.Core;
using Azure.Core.Pipeline;

namespace PowerVerse.Storage.Http;

/// <summary>Sets <c>x-ms-version</c> and <c>x-ms-date</c> (RFC 1123) on every attempt, as every authorized request needs.</summary>
internal sealed class StorageHeadersPolicy(string version, TimeProvider time) : HttpPipelineSynchronousPolicy
{
    public override void OnSendingRequest(HttpMessage message)
    {
        message.Request.Headers.SetValue("x-ms-version", version);
        message.Request.Headers.SetValue("x-ms-date", time.GetUtcNow().ToString("R", CultureInfo.InvariantCulture));
    }
}
