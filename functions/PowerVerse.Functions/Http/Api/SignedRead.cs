using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Nethereum.Signer;
using PowerVerse.Functions.ReadModel;

namespace PowerVerse.Functions.Http.Api;

/// <summary>
/// A read signed by an account, for what only that account may see (a UID's access configuration): the header
/// <c>Authorization: EIP191 &lt;address&gt;:&lt;unix seconds&gt;:&lt;signature&gt;</c>, the signature an EIP-191
/// personal_sign of <c>PowerVerse: read access of usage right &lt;uid&gt; at &lt;unix seconds&gt;</c>, within
/// <see cref="MaxSkew"/> of now. Bound to the UID and the time, one signature opens nothing else and soon expires.
/// </summary>
public static partial class SignedRead
{
    public const string Scheme = "EIP191";
    public static readonly TimeSpan MaxSkew = TimeSpan.FromMinutes(5);

    public static string Message(string uid, long unixSeconds) =>
        string.Create(CultureInfo.InvariantCulture, $"PowerVerse: read access of usage right {uid} at {unixSeconds}");

    /// <summary>The signing account, or null when the request carries no <c>Authorization</c>.</summary>
    /// <exception cref="ApiProblemException">The header is malformed, stale or not signed by the address it names.</exception>
    public static string? Signer(HttpRequest request, string uid, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.Headers.Authorization.ToString();
        if (string.IsNullOrEmpty(header))
        {
            return null;
        }

        var match = Form().Match(header);
        if (!match.Success || !long.TryParse(match.Groups["at"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var at))
        {
            throw Invalid($"Authorization must be '{Scheme} <address>:<unix seconds>:<0x signature>'.");
        }

        if (Math.Abs(now.ToUnixTimeSeconds() - at) > MaxSkew.TotalSeconds)
        {
            throw Invalid($"The signed time {at} is more than {MaxSkew.TotalMinutes} minutes from now ({now.ToUnixTimeSeconds()}); sign again.");
        }

        string signer;
        try
        {
            signer = new EthereumMessageSigner().EncodeUTF8AndEcRecover(Message(uid, at), match.Groups["signature"].Value);
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or InvalidOperationException)
        {
            throw Invalid("The signature does not recover to an address.");
        }

        var address = match.Groups["address"].Value;
        return Addresses.Normalize(signer) == Addresses.Normalize(address)
            ? Addresses.Normalize(address)
            : throw Invalid($"The signature is not {address}'s over '{Message(uid, at)}'.");
    }

    private static ApiProblemException Invalid(string detail) => new(Problems.InvalidAuthorization, detail);

    [GeneratedRegex("^EIP191 (?<address>0x[0-9a-fA-F]{40}):(?<at>[0-9]{1,12}):(?<signature>0x[0-9a-fA-F]{130})$", RegexOptions.CultureInvariant)]
    private static partial Regex Form();
}
