using System.Text;
using Azure.Core;

namespace PowerVerse.Storage.Http;

/// <summary>The canonicalized headers and query of "Authorize with Shared Key".</summary>
internal static class SharedKeyCanonical
{
    /// <summary>x-ms-* headers, names lower-cased, sorted, values trimmed, one "name:value\n" line each.</summary>
    public static void AppendHeaders(StringBuilder builder, Request request)
    {
        foreach (var header in request.Headers
                     .Where(h => h.Name.StartsWith("x-ms-", StringComparison.OrdinalIgnoreCase))
                     .Select(h => (Name: h.Name.ToLowerInvariant(), Value: h.Value.Trim()))
                     .OrderBy(h => h.Name, StringComparer.Ordinal))
        {
            builder.Append(header.Name).Append(':').Append(header.Value).Append('\n');
        }
    }

    /// <summary>The query parameters, URL-decoded, in order of appearance.</summary>
    public static IEnumerable<(string Name, string Value)> Query(Uri uri)
    {
        var query = uri.Query.TrimStart('?');
        if (query.Length == 0)
        {
            yield break;
        }

        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Uri.UnescapeDataString(eq < 0 ? pair : pair[..eq]);
            var value = eq < 0 ? string.Empty : Uri.UnescapeDataString(pair[(eq + 1)..].Replace('+', ' '));
            yield return (name, value);
        }
    }
}
