using System.Text.Json;
using System.Text.Json.Nodes;
using PowerVerse.Ethereum.Crypto;
using PowerVerse.GpuAgent.Agent;
using PowerVerse.GpuAgent.Gpus;
using PowerVerse.GpuAgent.Keys;
using PowerVerse.GpuAgent.Signing;

namespace PowerVerse.GpuAgent.Commands;

/// <summary>
/// <c>gpu-agent init</c>: creates the agent key (or imports one with <c>--import-key 0x…</c> or
/// <c>--import-keystore file</c>), stores it encrypted as keystore v3 at <c>--keystore</c>, detects the GPUs and
/// prints the registration payload for each: agent address, keccak256(device UUID) and model. The provider puts
/// these in its HID registration; the agent's EIP-191 signature over the payload attests the device.
/// An existing keystore is reused (unlocked to check the passphrase), never overwritten.
/// </summary>
internal static class InitCommand
{
    public static async Task<int> RunAsync(AgentOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        var path = options.Keystore;
        var passphrase = options.Passphrase();
        EthereumKey key;
        if (File.Exists(path))
        {
            key = KeystoreV3.Decrypt(await File.ReadAllTextAsync(path, cancellationToken), passphrase);
            await output.WriteLineAsync($"keystore: {path} (existing)");
        }
        else
        {
            key = options.Get("import-key") is { } hex ? EthereumKey.Parse(hex)
                : options.Get("import-keystore") is { } file ? KeystoreV3.Decrypt(await File.ReadAllTextAsync(file, cancellationToken), options.Get("import-passphrase") ?? passphrase)
                : EthereumKey.Generate();
            var cost = options.Get("scrypt-n") is { } costText ? new ScryptParameters(int.Parse(costText, System.Globalization.CultureInfo.InvariantCulture), 8, 1) : ScryptParameters.Standard;
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            await File.WriteAllTextAsync(path, KeystoreV3.Encrypt(key, passphrase, cost), cancellationToken);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            await output.WriteLineAsync($"keystore: {path} (created)");
        }

        await output.WriteLineAsync($"agent address: {key.Address}");
        await output.WriteLineAsync($"agent queue: {AgentQueues.AgentQueueName(key.Address)}");
        var (gpus, note) = await GpuDetector.DetectAsync(cancellationToken);
        foreach (var gpu in gpus)
        {
            await output.WriteLineAsync($"gpu: {gpu.Model}, {gpu.MemoryMiB} MiB, {gpu.Uuid}, driver {gpu.Driver} (via {gpu.Source})");
        }

        if (note.Length > 0)
        {
            await output.WriteLineAsync(note);
        }

        await output.WriteLineAsync("registration payload (sign it with the provider's wallet when registering the HID):");
        await output.WriteLineAsync(Payload(new AgentSigner(key), gpus).ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        return 0;
    }

    /// <summary>One entry per GPU; the device id on chain is keccak256 of the UUID string as nvidia-smi prints it.</summary>
    public static JsonObject Payload(AgentSigner signer, IReadOnlyList<GpuInfo> gpus) => signer.SignJson(new JsonObject
    {
        ["version"] = 1,
        ["type"] = "hardware-attestation",
        ["agent"] = signer.Address.ToLowerHex(),
        ["devices"] = new JsonArray([.. gpus.Select(g => (JsonNode)new JsonObject
        {
            ["model"] = g.Model,
            ["memoryMiB"] = g.MemoryMiB,
            ["uuid"] = g.Uuid,
            ["uuidHash"] = Convert.ToHexStringLower(Keccak256.Hash(g.Uuid)).Insert(0, "0x"),
        })]),
    });
}
