using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace PowerVerse.Storage.Http;

/// <summary>An account name and key, kept by clients built from a key connection string so they can sign SAS tokens.</summary>
internal sealed class StorageSharedKey(string accountName, string base64Key)
{
    private readonly byte[] _key = Convert.FromBase64String(base64Key);

    public string AccountName { get; } = accountName;

    public static StorageSharedKey? From(StorageConnectionString connection) =>
        connection.AccountKey is { } key ? new StorageSharedKey(connection.AccountName, key) : null;

    /// <summary>
    /// A queue service SAS ("Create a service SAS", version 2015-04-05 and later): the signed string is
    /// sp, st, se, /queue/{account}/{queue}, si, sip, spr, sv on separate lines.
    /// </summary>
    public string QueueSas(string queueName, string permissions, DateTimeOffset expiresOn, string version)
    {
        var expiry = expiresOn.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var toSign = string.Join('\n', permissions, string.Empty, expiry, $"/queue/{AccountName}/{queueName}", string.Empty, string.Empty, string.Empty, version);
        var signature = Convert.ToBase64String(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(toSign)));
        return $"sv={Uri.EscapeDataString(version)}&se={Uri.EscapeDataString(expiry)}&sp={permissions}&sig={Uri.EscapeDataString(signature)}";
    }
}
