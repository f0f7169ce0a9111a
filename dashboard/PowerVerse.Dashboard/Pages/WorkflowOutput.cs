using System.Globalization;
using System.Numerics;
using System.Text.Json;
using PowerVerse.Views;

namespace PowerVerse.Dashboard.Pages;

/// <summary>
/// A finished write's output as the API shows it (README "The API"): the event's arguments (the new HID, VID, UID…),
/// and for a purchase the access endpoint and first proof. The output is free-form JSON per workflow, so it is read by
/// name rather than as a record.
/// </summary>
internal static class WorkflowOutput
{
    /// <summary>An argument of the write's event (<c>output.arguments[name]</c>), or null.</summary>
    public static string? Argument(WorkflowView workflow, string name) => Text(Child(workflow?.Output, "arguments"), name);

    /// <summary>A property of <paramref name="element"/> that is present and not null.</summary>
    public static JsonElement? Child(JsonElement? element, string name) =>
        element is { ValueKind: JsonValueKind.Object } e && e.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value : null;

    /// <summary>A property as text: a string as is, a number as its digits.</summary>
    public static string? Text(JsonElement? element, string name) =>
        Child(element, name) is { } value ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText() : null;

    /// <summary>"1048576" → "1,048,576": large integers (work, rates) grouped to be read; the raw digits go in data-value.</summary>
    public static string Grouped(string? digits) =>
        BigInteger.TryParse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)
            ? n.ToString("N0", CultureInfo.InvariantCulture) : digits ?? string.Empty;

    /// <summary>Basis points as a percentage: 7500 → "75%".</summary>
    public static string Bps(long basisPoints) => Services.Formats.Share(basisPoints);
}
