using System.Globalization;

namespace PowerVerse.Domain.Json;

/// <summary>
/// The one time format of the agent's messages and the API (DESIGN §3, §4): ISO 8601 / RFC 3339 §5.6 in UTC with 'Z', to the second
/// or with 1–7 fractional digits. Offsets (+00:00), unix seconds, RFC 1123 and locale forms are refused: a reader
/// that guesses can read a deadline hours off.
/// </summary>
public static class IsoUtc
{
    private static readonly string[] Formats = ["yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'"];

    public static bool TryParse(string text, out DateTimeOffset time) =>
        DateTimeOffset.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out time);

    /// <summary>Seconds precision, as the agent and the platform write their times.</summary>
    public static string Format(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
