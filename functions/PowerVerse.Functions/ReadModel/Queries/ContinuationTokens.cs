using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;

namespace PowerVerse.Functions.ReadModel.Queries;

/// <summary>
/// Opaque continuation tokens: Table Storage's own token, bound to the query it continues and sealed with
/// HMAC-SHA256, so a client can only hand back a token this API issued for the same query. A forged, tampered or
/// foreign token is refused before anything reaches storage. Format: base64url(storage token) "." base64url(MAC over
/// query scope ‖ 0x00 ‖ storage token).
/// </summary>
public sealed class ContinuationTokens
{
    /// <summary>
    /// Configuration key of the HMAC key: any secret text of at least <see cref="MinKeyLength"/> characters, used as its
    /// UTF-8 bytes (Bicep keeps azd's generated password, filled up to that length, in Key Vault); a deployment sets its own.
    /// </summary>
    public const string KeySetting = "ReadModel:ContinuationKey";

    /// <summary>Fewest characters the configured key may have.</summary>
    public const int MinKeyLength = 32;

    /// <summary>Longest token accepted; longer input is refused unread.</summary>
    public const int MaxLength = 1024;

    private readonly byte[] _key;

    internal ContinuationTokens(byte[] key) => _key = key;

    // The local stack's fixed key: tokens stay valid across restarts there. Not a secret anywhere else.
    private static readonly byte[] LocalKey = SHA256.HashData("PowerVerse local continuation key"u8);

    internal static ContinuationTokens FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var configured = configuration[KeySetting] ?? configuration["ReadModel__ContinuationKey"];
        if (string.IsNullOrEmpty(configured))
        {
            return new ContinuationTokens(LocalKey);
        }

        return configured.Length >= MinKeyLength
            ? new ContinuationTokens(Encoding.UTF8.GetBytes(configured))
            : throw new InvalidOperationException($"{KeySetting} must be at least {MinKeyLength} characters of secret text, not {configured.Length}.");
    }

    public string Protect(string scope, string storageToken)
    {
        var token = Encoding.UTF8.GetBytes(storageToken);
        return $"{Base64Url.EncodeToString(token)}.{Base64Url.EncodeToString(Mac(scope, token))}";
    }

    /// <summary>The storage token inside <paramref name="token"/>, or false when it is not one this API issued for <paramref name="scope"/>.</summary>
    public bool TryUnprotect(string scope, string token, out string storageToken)
    {
        storageToken = string.Empty;
        if (token.Length is 0 or > MaxLength || token.IndexOf('.') is var dot && dot <= 0 || dot != token.LastIndexOf('.'))
        {
            return false;
        }

        byte[] payload, mac;
        try
        {
            payload = Base64Url.DecodeFromChars(token.AsSpan(0, dot));
            mac = Base64Url.DecodeFromChars(token.AsSpan(dot + 1));
        }
        catch (FormatException)
        {
            return false;
        }

        if (!CryptographicOperations.FixedTimeEquals(mac, Mac(scope, payload)))
        {
            return false;
        }

        storageToken = Encoding.UTF8.GetString(payload);
        return true;
    }

    private byte[] Mac(string scope, byte[] token)
    {
        var scopeBytes = Encoding.UTF8.GetBytes(scope);
        var message = new byte[scopeBytes.Length + 1 + token.Length];
        scopeBytes.CopyTo(message, 0);
        token.CopyTo(message, scopeBytes.Length + 1);
        return HMACSHA256.HashData(_key, message);
    }
}
