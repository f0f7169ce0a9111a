using System.Globalization;
using Azure.Core;

namespace PowerVerse.Storage.Tables;

/// <summary>
/// Reads the multipart/mixed answer to <c>$batch</c>: every embedded <c>HTTP/1.1 status</c> line starts one
/// operation's response, followed by its headers, a blank line and an optional body up to the next boundary.
/// </summary>
internal static class TableBatchReader
{
    public static IReadOnlyList<TableBatchPart> Read(string body)
    {
        var lines = body.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var parts = new List<TableBatchPart>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (!lines[i].StartsWith("HTTP/1.1 ", StringComparison.Ordinal))
            {
                continue;
            }

            var status = int.Parse(lines[i].AsSpan(9, 3), CultureInfo.InvariantCulture);
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            for (i++; i < lines.Length && lines[i].Length > 0; i++)
            {
                var colon = lines[i].IndexOf(':', StringComparison.Ordinal);
                if (colon > 0)
                {
                    headers[lines[i][..colon].Trim()] = lines[i][(colon + 1)..].Trim();
                }
            }

            var content = new List<string>();
            for (i++; i < lines.Length && !lines[i].StartsWith("--", StringComparison.Ordinal); i++)
            {
                content.Add(lines[i]);
            }

            i--;
            parts.Add(new TableBatchPart(status, headers, string.Join('\n', content).Trim()));
        }

        return parts;
    }
}

/// <summary>One operation's response inside a batch response.</summary>
internal sealed record TableBatchPart(int Status, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string? ETag => Headers.TryGetValue(HttpHeader.Names.ETag, out var etag) ? etag : null;
}
