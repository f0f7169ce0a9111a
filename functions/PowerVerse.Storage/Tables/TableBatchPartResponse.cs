using System.Diagnostics.CodeAnalysis;
using System.Text;
using Azure;
using Azure.Core;

namespace PowerVerse.Storage.Tables;

/// <summary>One operation's response of a transaction, exposed as an Azure <see cref="Response"/>.</summary>
internal sealed class TableBatchPartResponse(TableBatchPart part, string clientRequestId) : Response
{
    public override int Status => part.Status;

    public override string ReasonPhrase => string.Empty;

    public override Stream? ContentStream { get; set; } = new MemoryStream(Encoding.UTF8.GetBytes(part.Body));

    public override string ClientRequestId { get; set; } = clientRequestId;

    public override void Dispose() => ContentStream?.Dispose();

    protected override bool ContainsHeader(string name) => part.Headers.ContainsKey(name);

    protected override IEnumerable<HttpHeader> EnumerateHeaders() => part.Headers.Select(h => new HttpHeader(h.Key, h.Value));

    protected override bool TryGetHeader(string name, [NotNullWhen(true)] out string? value) =>
        part.Headers.TryGetValue(name, out value);

    protected override bool TryGetHeaderValues(string name, [NotNullWhen(true)] out IEnumerable<string>? values)
    {
        values = part.Headers.TryGetValue(name, out var value) ? [value] : null;
        return values is not null;
    }
}
