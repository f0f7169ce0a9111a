using System.Globalization;
using System.Numerics;
using Nethereum.Signer;

namespace PowerVerse.Client.Api;

/// <summary>
/// The signed read of a usage right's access configuration: <c>Authorization: EIP191 &lt;address&gt;:&lt;unix&gt;:&lt;signature&gt;</c>,
/// the signature an EIP-191 <c>personal_sign</c> of <see cref="Message"/> by the UID's user (valid for 300 s around
/// the server's now). A wallet signs <see cref="Message"/> itself and passes the parts to <see cref="Header(string, long, string)"/>.
/// </summary>
public static class ReadAuthorization
{
    public const string Scheme = "EIP191";

    /// <summary>The UTF-8 text the user signs: <c>PowerVerse: read access of usage right &lt;uid&gt; at &lt;unix-seconds&gt;</c>.</summary>
    public static string Message(BigInteger uid, long unixSeconds) =>
        string.Create(CultureInfo.InvariantCulture, $"PowerVerse: read access of usage right {uid} at {unixSeconds}");

    /// <summary>The header's value (after the scheme is part of it: <c>EIP191 0x…:1764390000:0x…</c>).</summary>
    public static string Header(string address, long unixSeconds, string signature) =>
        string.Create(CultureInfo.InvariantCulture, $"{Scheme} {address}:{unixSeconds}:{signature}");

    /// <summary>Signs the read of <paramref name="uid"/> at <paramref name="at"/> with the user's key.</summary>
    public static string Sign(BigInteger uid, EthECKey user, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(user);
        var unix = at.ToUnixTimeSeconds();
        var signature = new EthereumMessageSigner().EncodeUTF8AndSign(Message(uid, unix), user);
        return Header(user.GetPublicAddress(), unix, signature);
    }
}
