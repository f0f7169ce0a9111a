using System.Collections.Concurrent;
using System.Text.Json;
using Nethereum.Signer;

namespace PowerVerse.Chain.Keys;

/// <summary>
/// The platform keys of the local stack (DESIGN §3): a JSON secrets file
/// <c>{"relayer":"0x&lt;key&gt;","challenger":"0x&lt;key&gt;","settler":"0x&lt;key&gt;"}</c>, named by the setting
/// <c>Platform:KeysFile</c>. The file is read once, on first use; each role's key is parsed when first asked for, so a
/// process that only relays needs only a good <c>relayer</c> entry.
/// </summary>
public sealed class FilePlatformKeys : IPlatformKeys
{
    private readonly Lazy<IReadOnlyDictionary<string, string?>> _entries;
    private readonly ConcurrentDictionary<PlatformRole, EthECKey> _keys = new();

    public FilePlatformKeys(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = System.IO.Path.GetFullPath(path);
        // A failed read is not cached: a process started before the file was written finds it on a later call.
        _entries = new(Read, LazyThreadSafetyMode.PublicationOnly);
    }

    /// <summary>The secrets file, absolute.</summary>
    public string Path { get; }

    public Task<EthECKey> GetKeyAsync(PlatformRole role, CancellationToken cancellationToken = default)
    {
        if (_keys.TryGetValue(role, out var cached))
        {
            return Task.FromResult(cached);
        }

        var name = PlatformKeyText.Name(role);
        if (!_entries.Value.TryGetValue(name, out var text))
        {
            throw new PlatformKeyUnavailableException(role, $"The platform keys file {Path} has no '{name}' key.");
        }

        return Task.FromResult(_keys.GetOrAdd(role, PlatformKeyText.Parse(role, text, $"the platform keys file {Path}")));
    }

    private Dictionary<string, string?> Read()
    {
        try
        {
            using var json = JsonDocument.Parse(File.ReadAllBytes(Path));
            if (json.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new PlatformKeyUnavailableException($"The platform keys file {Path} is not a JSON object of role keys.");
            }

            return json.RootElement.EnumerateObject().ToDictionary(
                p => p.Name, p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : null, StringComparer.Ordinal);
        }
        catch (JsonException ex)
        {
            // Not ex.Message: it may quote the file's text, which holds secrets.
            throw new PlatformKeyUnavailableException($"The platform keys file {Path} is not valid JSON (line {ex.LineNumber + 1}).", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new PlatformKeyUnavailableException($"The platform keys file {Path} cannot be read: {ex.Message}", ex);
        }
    }
}
