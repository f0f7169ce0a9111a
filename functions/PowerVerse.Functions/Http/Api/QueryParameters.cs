using System.Numerics;
using Microsoft.AspNetCore.Http;

namespace PowerVerse.Functions.Http.Api;

/// <summary>
/// A request's query string, checked against the parameters its route documents: an unknown or repeated parameter,
/// an over-long value or a malformed one is refused (a typo must not silently widen a filter).
/// </summary>
public sealed class QueryParameters
{
    public const string ContinuationToken = "continuationToken";
    public const string PageSize = "pageSize";
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 100;

    private readonly Dictionary<string, string> _values;

    private QueryParameters(Dictionary<string, string> values) => _values = values;

    public static QueryParameters Read(HttpRequest request, IReadOnlyCollection<string> allowed)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(allowed);
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in request.Query)
        {
            if (!allowed.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                var known = allowed.Count == 0 ? "none" : string.Join(", ", allowed);
                throw new ApiProblemException(Problems.UnknownParameter, $"Unknown query parameter '{ApiInput.Shown(name)}'; this route takes: {known}.");
            }

            if (value.Count != 1)
            {
                throw new ApiProblemException(Problems.DuplicateParameter, $"'{name}' is given {value.Count} times.");
            }

            var text = value[0] ?? string.Empty;
            var limit = name.Equals(ContinuationToken, StringComparison.OrdinalIgnoreCase) ? ReadModel.Queries.ContinuationTokens.MaxLength : ApiInput.MaxValueLength;
            if (text.Length == 0 || text.Length > limit)
            {
                throw new ApiProblemException(
                    name.Equals(ContinuationToken, StringComparison.OrdinalIgnoreCase) ? Problems.InvalidContinuationToken : Problems.InvalidParameter,
                    $"'{name}' must be 1 to {limit} characters long.");
            }

            values[name] = text;
        }

        return new QueryParameters(values);
    }

    public string? Text(string name) => _values.GetValueOrDefault(name);

    public uint? SmallNumber(string name) => Text(name) is { } text ? ApiInput.SmallNumber(text, name) : null;

    public BigInteger? Amount(string name) => Text(name) is { } text ? ApiInput.Amount(text, name) : null;

    public BigInteger? Id(string name) => Text(name) is { } text ? ApiInput.Id(text, name) : null;

    public string? Address(string name) => Text(name) is { } text ? ApiInput.Address(text, name) : null;

    public DateTimeOffset? Time(string name) => Text(name) is { } text ? ApiInput.Time(text, name) : null;

    /// <summary>One of <paramref name="choices"/> (exact, lowercase), or the first when absent.</summary>
    public string Choice(string name, params string[] choices)
    {
        ArgumentNullException.ThrowIfNull(choices);
        var text = Text(name);
        return text is null ? choices[0]
            : choices.Contains(text, StringComparer.Ordinal) ? text
            : throw new ApiProblemException(Problems.InvalidParameter, $"'{name}' must be one of {string.Join(", ", choices)}, not '{ApiInput.Shown(text)}'.");
    }

    public int Size()
    {
        if (Text(PageSize) is not { } text)
        {
            return DefaultPageSize;
        }

        return text.Length <= 3 && int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var size) && size is >= 1 and <= MaxPageSize
            ? size
            : throw new ApiProblemException(Problems.InvalidPageSize, $"'{PageSize}' must be a whole number from 1 to {MaxPageSize}, not '{ApiInput.Shown(text)}'.");
    }

    public string? Continuation => Text(ContinuationToken);

    /// <summary>Checks that a lower bound is not above an upper one.</summary>
    public static void Ordered<T>(T? low, T? high, string lowName, string highName)
        where T : struct, IComparable<T>
    {
        if (low is { } l && high is { } h && l.CompareTo(h) > 0)
        {
            throw new ApiProblemException(Problems.InvalidRange, $"'{lowName}' is above '{highName}'.");
        }
    }
}
