using System.Text.Json;
using System.Text.Json.Nodes;
using PowerVerse.GpuAgent.Messages;
using PowerVerse.Domain.Json;

namespace PowerVerse.GpuAgent.Grants;

/// <summary>
/// Applies access grants on a development box: the grant and the user's SSH key are recorded with their expiry
/// in a local JSON file (an operator's provisioning hook reads it); expired entries are dropped on every write.
/// Applying the same grant twice replaces it, so a redelivered message is harmless.
/// </summary>
internal sealed class GrantStore(string path, TimeProvider time)
{
    public void Apply(GrantMessage grant)
    {
        var grants = Load();
        var now = time.GetUtcNow();
        grants.RemoveAll(g => g["uid"]?.GetValue<string>() == grant.Uid.ToString() || DateTimeOffset.Parse(g["expires"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture) <= now);
        grants.Add(new JsonObject
        {
            ["uid"] = grant.Uid.ToString(),
            ["vid"] = grant.Vid.ToString(),
            ["user"] = grant.User,
            ["expires"] = IsoUtc.Format(grant.Expires),
            ["sshPublicKey"] = grant.SshPublicKey,
            ["appliedAt"] = IsoUtc.Format(now),
        });
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, new JsonArray([.. grants]).ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        File.Move(temporary, path, overwrite: true);
    }

    public List<JsonObject> Load() =>
        File.Exists(path) && JsonNode.Parse(File.ReadAllText(path)) is JsonArray array
            ? array.OfType<JsonObject>().Select(o => (JsonObject)o.DeepClone()).ToList()
            : [];
}
