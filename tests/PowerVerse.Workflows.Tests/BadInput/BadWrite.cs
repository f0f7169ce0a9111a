using System.Text;

namespace PowerVerse.Workflows.Tests.BadInput;

/// <summary>
/// One generated bad write: the kind of wrong (one of the brief's list), the variant, the route it is posted to, its
/// raw body (sent with a Content-Length, or chunked without one), and the answer the write API's spec gives it: the
/// status, the problem type's slug and, for <c>call-reverted</c>, the custom error the contract reverts with.
/// </summary>
internal sealed record BadWrite(string Kind, string Variant, string Route, byte[] Body, int Status, string Slug, string? Error = null, bool Chunked = false)
{
    /// <summary>The body as text for a failure message (long bodies cut).</summary>
    public string Shown
    {
        get
        {
            var text = Encoding.UTF8.GetString(Body);
            return text.Length <= 600 ? text : $"{text[..600]}… ({Body.Length} bytes)";
        }
    }

    public string Expected => Error is null ? $"{Status} {Slug}" : $"{Status} {Slug} ({Error})";

    public override string ToString() => $"[{Kind}/{Variant}] POST {Route}{(Chunked ? " (chunked)" : string.Empty)} → expected {Expected}";
}
