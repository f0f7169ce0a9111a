using Azure.Core;
using Azure.Core.Pipeline;

namespace PowerVerse.Storage.Http;

/// <summary>Appends a shared access signature to the query ("Create a service SAS"); runs once per call, not per retry.</summary>
internal sealed class SasPolicy : HttpPipelineSynchronousPolicy
{
    private readonly string _sas;

    public SasPolicy(string sas)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sas);
        _sas = sas.TrimStart('?');
    }

    public override void OnSendingRequest(HttpMessage message)
    {
        var uri = message.Request.Uri;
        var query = uri.Query;
        uri.Query = string.IsNullOrEmpty(query) || query == "?" ? "?" + _sas : query + "&" + _sas;
    }
}
