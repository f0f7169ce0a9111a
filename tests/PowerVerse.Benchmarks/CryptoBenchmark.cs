using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Nethereum.Signer;
using Nethereum.Util;
using PowerVerse.Domain.Hashing;
using PowerVerse.Testing;

namespace PowerVerse.Benchmarks;

/// <summary>
/// Our Keccak-256 (PowerVerse.Domain, the one the proofs and the agent share) against Nethereum's (BouncyCastle's
/// KeccakDigest underneath) and against references measured in the same run: Node's crypto createHash('sha3-256')
/// and, when openssl is on PATH, <c>openssl speed -evp sha3-256</c> (SHA3 differs from Keccak only in the padding
/// byte, same permutation). Signatures: Nethereum's secp256k1 sign+recover, with <c>EthECKey.SignRecoverable</c>
/// on (as PowerVerse runs it) and off, against Node's OpenSSL ECDSA secp256k1 sign+verify.
/// </summary>
internal sealed class CryptoBenchmark : IBenchmark
{
    private const double Seconds = 1.5;

    private const string NodeScript = """
        const crypto = require('crypto');
        const seconds = Number(process.argv[1]);
        function rate(fn) {
          for (let i = 0; i < 200; i++) fn();
          let n = 0; const start = process.hrtime.bigint(); const end = start + BigInt(Math.round(seconds * 1e9));
          let now = start;
          while (now < end) { for (let i = 0; i < 64; i++) fn(); n += 64; now = process.hrtime.bigint(); }
          return n / (Number(now - start) / 1e9);
        }
        const sizes = [32, 136, 1024];
        const hash = {};
        for (const s of sizes) { const input = Buffer.alloc(s, 7); hash[s] = rate(() => crypto.createHash('sha3-256').update(input).digest()); }
        const { privateKey, publicKey } = crypto.generateKeyPairSync('ec', { namedCurve: 'secp256k1' });
        const message = Buffer.alloc(32, 9);
        const ecdsa = rate(() => { const sig = crypto.sign('sha256', message, privateKey); crypto.verify('sha256', message, publicKey, sig); });
        console.log(JSON.stringify({ node: process.version, openssl: process.versions.openssl, hash, ecdsa }));
        """;

    public string Name => "crypto";

    public async Task RunAsync(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var reference = await RunNodeAsync();
        var nodeOpenSsl = reference.GetProperty("openssl").GetString();
        await output.WriteLineAsync($"reference: Node {reference.GetProperty("node").GetString()} crypto (OpenSSL {nodeOpenSsl}), openssl speed when on PATH; same machine, same run; {Seconds} s per figure");
        await output.WriteLineAsync(string.Format(CultureInfo.InvariantCulture, "{0,-26}{1,16}{2,16}{3,10}{4,22}{5,10}{6,22}{7,10}", "operation", "ours/s", "Nethereum/s", "ratio", "node sha3-256/s", "ratio", "openssl sha3-256/s", "ratio"));
        foreach (var size in new[] { 32, 136, 1024 })
        {
            var input = new byte[size];
            input.AsSpan().Fill(7);
            var ours = Rate(() => OursKeccak(input));
            var nethereum = Rate(() => Sha3Keccack.Current.CalculateHash(input));
            var node = reference.GetProperty("hash").GetProperty(size.ToString(CultureInfo.InvariantCulture)).GetDouble();
            var openssl = await RunOpenSslAsync(size);
            var opensslText = openssl is { } o
                ? string.Format(CultureInfo.InvariantCulture, "{0,22:N0}{1,9:F2}x", o, ours / o)
                : string.Format(CultureInfo.InvariantCulture, "{0,22}{1,10}", "(no openssl)", "-");
            await output.WriteLineAsync(string.Format(CultureInfo.InvariantCulture, "{0,-26}{1,16:N0}{2,16:N0}{3,9:F2}x{4,22:N0}{5,9:F2}x", $"keccak256 {size} B", ours, nethereum, ours / nethereum, node, ours / node) + opensslText);
        }

        var key = new EthECKey("0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d");
        var hash = Keccak256.Hash("PowerVerse benchmark");
        var ecdsa = reference.GetProperty("ecdsa").GetDouble();
        foreach (var recoverable in new[] { true, false })
        {
            EthECKey.SignRecoverable = recoverable;
            var signRecover = Rate(() =>
            {
                var signature = key.SignAndCalculateV(hash);
                if (EthECKey.RecoverFromSignature(signature, hash).GetPublicAddress() != key.GetPublicAddress())
                {
                    throw new InvalidOperationException("Recovery gave another address.");
                }
            });
            await output.WriteLineAsync(string.Format(CultureInfo.InvariantCulture, "{0,-26}{1,16:N0}{2,16}{3,10}{4,22:N0}{5,9:F2}x",
                $"sign+recover{(recoverable ? " (recov.)" : string.Empty)}", signRecover, "-", "-", ecdsa, signRecover / ecdsa));
        }

        EthECKey.SignRecoverable = true;
        await output.WriteLineAsync("  (node column for secp256k1: OpenSSL ECDSA sign+verify; recovery costs about one verification)");
    }

    private static void OursKeccak(byte[] input)
    {
        Span<byte> output = stackalloc byte[32];
        Keccak256.Hash(input, output);
    }

    private static double Rate(Action action)
    {
        for (var i = 0; i < 200; i++)
        {
            action();
        }

        var watch = Stopwatch.StartNew();
        long count = 0;
        while (watch.Elapsed.TotalSeconds < Seconds)
        {
            for (var i = 0; i < 64; i++)
            {
                action();
            }

            count += 64;
        }

        return count / watch.Elapsed.TotalSeconds;
    }

    /// <summary>Hashes per second from <c>openssl speed -evp sha3-256</c> at one input size; null when openssl is absent.</summary>
    private static async Task<double?> RunOpenSslAsync(int size)
    {
        var start = new ProcessStartInfo("openssl") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "speed", "-seconds", "1", "-bytes", size.ToString(CultureInfo.InvariantCulture), "-evp", "sha3-256" })
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(start);
            if (process is null)
            {
                return null;
            }

            var stdout = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();

            // "sha3-256   37776.16k": thousands of bytes per second.
            var line = (await stdout).Split('\n').LastOrDefault(l => l.StartsWith("sha3-256", StringComparison.Ordinal));
            return line is null ? null : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1].TrimEnd('k'), CultureInfo.InvariantCulture) * 1000 / size;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    private static async Task<JsonElement> RunNodeAsync()
    {
        var start = new ProcessStartInfo(RepoPaths.Node) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-e");
        start.ArgumentList.Add(NodeScript);
        start.ArgumentList.Add(Seconds.ToString(CultureInfo.InvariantCulture));
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Node did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"Node reference failed ({process.ExitCode}): {await stderr}");
        }

        using var document = JsonDocument.Parse(await stdout);
        return document.RootElement.Clone();
    }
}
