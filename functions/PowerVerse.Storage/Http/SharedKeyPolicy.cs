using System.Security.Cryptography;
using System.Text;
using Azure.Core;
using Azure.Core.Pipeline;

namespace PowerVerse.Storage.Http;

/// <summary>
/// Signs each attempt with the account key ("Authorize with Shared Key", version 2009-09-19 and later).
/// The Table service and the Queue service sign different strings; both are built here from the final request.
/// </summary>
internal sealed class SharedKeyPolicy : HttpPipelineSynchronousPolicy
{
    private readonly StorageService _service;
    private readonly string _account;
    private readonly byte[] _key;

    public SharedKeyPolicy(StorageService service, string account, string base64Key)
    {
        _service = service;
        _account = account;
        _key = Convert.FromBase64String(base64Key);
    }

    public override void OnSendingRequest(HttpMessage message)
    {
        var request = message.Request;
        var toSign = _service == StorageService.Table ? TableStringToSign(request) : QueueStringToSign(request);
        var signature = Convert.ToBase64String(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(toSign)));
        request.Headers.SetValue("Authorization", $"SharedKey {_account}:{signature}");
    }

    /// <summary>
    /// "Shared Key authorization (Table service)": VERB, Content-MD5, Content-Type, Date (x-ms-date), CanonicalizedResource,
    /// where the resource is /account/path plus <c>?comp=</c> when present; no canonicalized headers.
    /// </summary>
    internal string TableStringToSign(Request request)
    {
        var uri = request.Uri.ToUri();
        var resource = "/" + _account + uri.AbsolutePath;
        var comp = SharedKeyCanonical.Query(uri).FirstOrDefault(p => p.Name == "comp");
        if (comp.Name is not null)
        {
            resource += "?comp=" + comp.Value;
        }

        return string.Join('\n',
            request.Method.Method,
            Header(request, "Content-MD5"),
            Header(request, "Content-Type"),
            Header(request, "x-ms-date"),
            resource);
    }

    /// <summary>
    /// "Blob, Queue, and File services (Shared Key authorization)": VERB and eleven standard headers (Content-Length
    /// empty when zero), then the sorted x-ms-* headers, then /account/path and each query parameter on its own line.
    /// </summary>
    internal string QueueStringToSign(Request request)
    {
        var length = request.Content is { } content && content.TryComputeLength(out var n) && n > 0
            ? n.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : string.Empty;
        var builder = new StringBuilder()
            .Append(request.Method.Method).Append('\n')
            .Append(Header(request, "Content-Encoding")).Append('\n')
            .Append(Header(request, "Content-Language")).Append('\n')
            .Append(length).Append('\n')
            .Append(Header(request, "Content-MD5")).Append('\n')
            .Append(Header(request, "Content-Type")).Append('\n')
            .Append('\n') // Date: x-ms-date is sent instead and signed among the canonicalized headers.
            .Append(Header(request, "If-Modified-Since")).Append('\n')
            .Append(Header(request, "If-Match")).Append('\n')
            .Append(Header(request, "If-None-Match")).Append('\n')
            .Append(Header(request, "If-Unmodified-Since")).Append('\n')
            .Append(Header(request, "Range")).Append('\n');
        SharedKeyCanonical.AppendHeaders(builder, request);
        var uri = request.Uri.ToUri();
        builder.Append('/').Append(_account).Append(uri.AbsolutePath);
        foreach (var group in SharedKeyCanonical.Query(uri)
                     .GroupBy(p => p.Name.ToLowerInvariant())
                     .OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            builder.Append('\n').Append(group.Key).Append(':')
                .AppendJoin(',', group.Select(p => p.Value).Order(StringComparer.Ordinal));
        }

        return builder.ToString();
    }

    private static string Header(Request request, string name) =>
        request.Headers.TryGetValue(name, out var value) ? value : string.Empty;
}
