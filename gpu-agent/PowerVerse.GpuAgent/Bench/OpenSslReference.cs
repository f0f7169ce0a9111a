using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace PowerVerse.GpuAgent.Bench;

/// <summary>
/// The reference for the CPU rate: <c>openssl speed -evp sha3-256</c> on 60-byte inputs, one thread. SHA3-256 and
/// Keccak-256 share Keccak-f[1600] and the 136-byte rate (only the padding byte differs), so a 60-byte hash is one
/// permutation in both and the rates compare like for like.
/// </summary>
internal static partial class OpenSslReference
{
    /// <summary>SHA3-256 hashes per CPU second, or null with the reason when openssl is missing or says something else.</summary>
    public static async Task<(double? Rate, string Detail)> MeasureAsync(int seconds, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo("openssl")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "speed", "-bytes", "60", "-seconds", seconds.ToString(CultureInfo.InvariantCulture), "-evp", "sha3-256" })
        {
            info.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(info) ?? throw new InvalidOperationException("openssl did not start.");
            var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            return Parse(await stdout + await stderr);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (null, $"openssl is not installed ({e.Message})");
        }
    }

    /// <summary>Reads the hashes per second from <c>openssl speed</c>'s output.</summary>
    public static (double? Rate, string Detail) Parse(string text)
    {
        var match = OpsLine().Match(text);
        if (!match.Success)
        {
            return (null, $"openssl printed no 'ops in' line: {text.Trim()}");
        }

        var ops = double.Parse(match.Groups["ops"].Value, CultureInfo.InvariantCulture);
        var secs = double.Parse(match.Groups["secs"].Value, CultureInfo.InvariantCulture);
        return (ops / secs, match.Value.Trim());
    }

    // OpenSSL 3.0: "Doing sha3-256 for 2s on 60 size blocks: 1936287 sha3-256's in 1.26s" (CPU seconds);
    // later releases say "... sha3-256 ops in 2.00s".
    [GeneratedRegex(@"(?<ops>\d+) sha3-256(?:'s| ops) in (?<secs>[\d.]+)s")]
    private static partial Regex OpsLine();
}
