using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.Signer;
using PowerVerse.Domain.Hashing;
using PowerVerse.GpuAgent.Agent;
using PowerVerse.GpuAgent.Gpus;
using PowerVerse.GpuAgent.Keys;
using PowerVerse.GpuAgent.Signing;

namespace PowerVerse.GpuAgent.Commands;

/// <summary>
/// <c>gpu-agent init</c>: creates the agent key (or imports one with <c>--import-key 0x…</c> or
/// <c>--import-keystore file</c>), stores it encrypted as keystore v3 at <c>--keystore</c> (scrypt cost <c>--scrypt-n</c>),
/// detects the GPUs and prints the registration payload: agent address and, per device, model, memory, UUID and
/// deviceHash = keccak256(UUID). Given the provider's <c>--owner</c>, <c>--chain-id</c> and <c>--hardware-registry</c>,
/// each device also carries the agent's EIP-712 DeviceAttestation that HardwareRegistry.register checks. The payload
/// is signed by the agent (EIP-191 over its canonical JSON). An existing keystore is reused, never overwritten.
/// </summary>
internal static class InitCommand
{
    public static async Task<int> RunAsync(AgentOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        var path = options.Keystore;
        var passphrase = options.Passphrase();
        EthECKey key;
        if (File.Exists(path))
        {
            key = AgentKeystore.Decrypt(await File.ReadAllTextAsync(path, cancellationToken), passphrase);
            await output.WriteLineAsync($"keystore: {path} (existing)");
        }
        else
        {
            key = options.Get("import-key") is { } hex ? AgentKeys.Parse(hex)
                : options.Get("import-keystore") is { } file ? AgentKeystore.Decrypt(await File.ReadAllTextAsync(file, cancellationToken), options.Get("import-passphrase") ?? passphrase)
                : EthECKey.GenerateKey();
            var cost = options.Get("scrypt-n") is { } n ? int.Parse(n, CultureInfo.InvariantCulture) : AgentKeystore.StandardScryptN;
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            await File.WriteAllTextAsync(path, AgentKeystore.Encrypt(key, passphrase, cost), cancellationToken);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            await output.WriteLineAsync($"keystore: {path} (created)");
        }

        var signer = new AgentSigner(key);
        await output.WriteLineAsync($"agent address: {signer.ChecksumAddress}");
        await output.WriteLineAsync($"agent queue: {AgentQueues.AgentQueueName(signer.Address)}");
        var (detected, note) = await GpuDetector.DetectAsync(cancellationToken);
        // --device UUID declares a device the agent does not detect (a machine without a GPU driver, e.g. the local stack).
        IReadOnlyList<GpuInfo> gpus = options.Get("device") is { } declared
            ? [.. detected, new GpuInfo("declared device", 0, declared, "none", "--device")]
            : detected;
        foreach (var gpu in gpus)
        {
            await output.WriteLineAsync($"gpu: {gpu.Model}, {gpu.MemoryMiB} MiB, {gpu.Uuid}, driver {gpu.Driver} (via {gpu.Source})");
        }

        if (note.Length > 0)
        {
            await output.WriteLineAsync(note);
        }

        await output.WriteLineAsync("registration payload (sign it with the provider's wallet when registering the HID):");
        var payload = Payload(signer, gpus, RegistrationTarget.From(options)).ToJsonString(new JsonSerializerOptions { WriteIndented = true });
        await output.WriteLineAsync(payload);
        if (options.Get("payload-file") is { } payloadFile)
        {
            await File.WriteAllTextAsync(payloadFile, payload, cancellationToken);
        }
        return 0;
    }

    /// <summary>One entry per GPU; the device id on chain is keccak256 of the UUID string as nvidia-smi prints it.</summary>
    public static JsonObject Payload(AgentSigner signer, IReadOnlyList<GpuInfo> gpus, RegistrationTarget? target = null)
    {
        ArgumentNullException.ThrowIfNull(signer);
        var payload = new JsonObject
        {
            ["version"] = 1,
            ["type"] = "hardware-attestation",
            ["agent"] = signer.Address,
            ["devices"] = new JsonArray([.. gpus.Select(g => (JsonNode)Device(signer, g, target))]),
        };
        if (target is not null)
        {
            payload["owner"] = target.Owner.ToLowerInvariant();
            payload["chainId"] = target.ChainId.ToString(CultureInfo.InvariantCulture);
            payload["hardwareRegistry"] = target.HardwareRegistry.ToLowerInvariant();
        }

        return signer.SignJson(payload);
    }

    private static JsonObject Device(AgentSigner signer, GpuInfo gpu, RegistrationTarget? target)
    {
        var deviceHash = Keccak256.Hash(gpu.Uuid);
        var device = new JsonObject
        {
            ["model"] = gpu.Model,
            ["memoryMiB"] = gpu.MemoryMiB,
            ["uuid"] = gpu.Uuid,
            ["deviceHash"] = deviceHash.ToHex(prefix: true),
        };
        if (target is not null)
        {
            device["attestation"] = signer.SignDeviceAttestation(target.ChainId, target.HardwareRegistry, deviceHash, target.Owner);
        }

        return device;
    }
}
