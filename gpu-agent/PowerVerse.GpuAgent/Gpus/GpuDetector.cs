using System.Diagnostics;
using System.Globalization;
using PowerVerse.GpuAgent.Backends.Cuda;

namespace PowerVerse.GpuAgent.Gpus;

/// <summary>Finds the GPUs: through the CUDA driver API, else by asking <c>nvidia-smi</c>, else none.</summary>
internal static class GpuDetector
{
    public static async Task<(IReadOnlyList<GpuInfo> Gpus, string Note)> DetectAsync(CancellationToken cancellationToken)
    {
        var devices = CudaDevices.List(out var reason);
        if (devices.Count > 0)
        {
            return (devices.Select(d => new GpuInfo(d.Name, (long)(d.MemoryBytes >> 20), d.Uuid, FormatDriver(d.DriverVersion), "cuda driver api")).ToList(), "");
        }

        var smi = await NvidiaSmiAsync(cancellationToken);
        return smi.Count > 0 ? (smi, $"driver API unavailable ({reason}); used nvidia-smi") : ([], $"no GPU found: {reason}; nvidia-smi found none");
    }

    /// <summary>Parses <c>nvidia-smi --query-gpu=name,memory.total,uuid,driver_version --format=csv,noheader</c>.</summary>
    public static IReadOnlyList<GpuInfo> ParseNvidiaSmi(string csv)
    {
        var gpus = new List<GpuInfo>();
        foreach (var line in csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var cells = line.Split(',', StringSplitOptions.TrimEntries);
            if (cells.Length < 4)
            {
                continue;
            }

            // memory.total prints as "81559 MiB".
            var memory = long.TryParse(cells[1].Split(' ')[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var mib) ? mib : 0;
            gpus.Add(new GpuInfo(cells[0], memory, cells[2], cells[3], "nvidia-smi"));
        }

        return gpus;
    }

    // cuDriverGetVersion gives 1000·major + 10·minor (12040 → "12.4").
    private static string FormatDriver(int version) => $"CUDA {version / 1000}.{version % 1000 / 10}";

    private static async Task<IReadOnlyList<GpuInfo>> NvidiaSmiAsync(CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo("nvidia-smi", "--query-gpu=name,memory.total,uuid,driver_version --format=csv,noheader")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        try
        {
            using var process = Process.Start(info);
            if (process is null)
            {
                return [];
            }

            var output = await process.StandardOutput.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            return process.ExitCode == 0 ? ParseNvidiaSmi(output) : [];
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return [];
        }
    }
}
