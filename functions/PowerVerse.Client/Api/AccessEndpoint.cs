using System.Globalization;
using System.Text.Json;

namespace PowerVerse.Client.Api;

/// <summary>
/// Where the user of a UID reaches its resource: the endpoint the provider's agent returned when it applied the grant;
/// in the access configuration also until when (<see cref="Expires"/>, as the API gives it).
/// </summary>
public sealed record AccessEndpoint(string Host, int Port, string User, string? Expires = null)
{
    /// <summary>The <c>access</c> member of a usage right's view; null when it has none (no signature, or not live).</summary>
    public static AccessEndpoint? Of(JsonElement usageRight) =>
        usageRight.TryGetProperty("access", out var access) && access.ValueKind == JsonValueKind.Object ? Read(access) : null;

    internal static AccessEndpoint Read(JsonElement access) => new(
        access.GetProperty("host").GetString()!,
        access.GetProperty("port").GetInt32(),
        access.GetProperty("user").GetString()!,
        access.TryGetProperty("expires", out var expires) && expires.ValueKind != JsonValueKind.Null
            ? expires.ValueKind == JsonValueKind.String ? expires.GetString() : expires.GetRawText()
            : null);

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{User}@{Host}:{Port}") + (Expires is null ? string.Empty : $" until {Expires}");
}
