using System.Globalization;
using System.Numerics;
using System.Text.RegularExpressions;
using PowerVerse.Functions.ReadModel;
using PowerVerse.Domain.Json;

namespace PowerVerse.Functions.Http.Api;

/// <summary>
/// Parses route and query values strictly: anything not exactly in the documented form is a problem, never a guess
/// passed on to storage. Ids are decimal uint256 (digits only, at most 78, at most 2^256 − 1); addresses 0x and 40 hex.
/// </summary>
public static partial class ApiInput
{
    public const int MaxValueLength = 200;

    public static BigInteger Id(string? text, string name)
    {
        if (text is null || !DecimalDigits().IsMatch(text) || !BigInteger.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id > Keys.MaxUint256)
        {
            throw new ApiProblemException(Problems.InvalidId, $"'{name}' must be a decimal uint256 (digits only), not '{Shown(text)}'.");
        }

        return id;
    }

    /// <summary>A uint256 amount (price, rank score) in a query: the same form as an id, reported as a bad parameter.</summary>
    public static BigInteger Amount(string text, string name) =>
        DecimalDigits().IsMatch(text) && BigInteger.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value <= Keys.MaxUint256
            ? value
            : throw new ApiProblemException(Problems.InvalidParameter, $"'{name}' must be a decimal uint256, not '{Shown(text)}'.");

    public static uint SmallNumber(string text, string name) =>
        DecimalDigits().IsMatch(text) && text.Length <= 10 && uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new ApiProblemException(Problems.InvalidParameter, $"'{name}' must be a decimal uint32, not '{Shown(text)}'.");

    /// <summary>An address in EIP-55 form; any case is accepted on input.</summary>
    public static string Address(string? text, string name) =>
        Addresses.IsValid(text)
            ? Addresses.Normalize(text!)
            : throw new ApiProblemException(Problems.InvalidAddress, $"'{name}' must be 0x and 40 hex digits, not '{Shown(text)}'.");

    /// <summary>A time in ISO 8601 UTC with Z (as everywhere in the API).</summary>
    public static DateTimeOffset Time(string text, string name) => Time(text, name, Problems.InvalidParameter);

    /// <summary>An ISO 8601 UTC time ending in Z (DESIGN §4), else the <paramref name="problem"/> naming <paramref name="name"/>.</summary>
    public static DateTimeOffset Time(string text, string name, ProblemType problem) =>
        IsoUtc.TryParse(text, out var time)
            ? time
            : throw new ApiProblemException(problem, $"'{name}' must be an ISO 8601 UTC time ending in Z, not '{Shown(text)}'.");

    /// <summary>What a problem's detail repeats of bad input: bounded, control characters escaped.</summary>
    public static string Shown(string? text)
    {
        if (text is null)
        {
            return string.Empty;
        }

        var cut = text.Length > 80 ? text[..80] + "…" : text;
        return string.Concat(cut.Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()));
    }

    [GeneratedRegex("^[0-9]{1,78}$", RegexOptions.CultureInvariant)]
    private static partial Regex DecimalDigits();
}
