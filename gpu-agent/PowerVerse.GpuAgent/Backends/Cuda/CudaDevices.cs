using System.Text;

namespace PowerVerse.GpuAgent.Backends.Cuda;

/// <summary>Lists the GPUs through the driver API.</summary>
internal static unsafe class CudaDevices
{
    /// <summary>The devices, or an empty list with the reason when there is no usable driver.</summary>
    public static IReadOnlyList<CudaDevice> List(out string reason)
    {
        var driver = CudaDriver.TryGet(out reason);
        if (driver is null)
        {
            return [];
        }

        int count, version;
        CudaDriver.Check(driver.cuDeviceGetCount(&count), "cuDeviceGetCount");
        CudaDriver.Check(driver.cuDriverGetVersion(&version), "cuDriverGetVersion");
        if (count == 0)
        {
            reason = "the CUDA driver sees no device";
        }

        var devices = new List<CudaDevice>();
        var name = stackalloc byte[256];
        var uuid = stackalloc byte[16];
        for (var ordinal = 0; ordinal < count; ordinal++)
        {
            int device, major, minor, sms;
            nuint memory;
            CudaDriver.Check(driver.cuDeviceGet(&device, ordinal), "cuDeviceGet");
            CudaDriver.Check(driver.cuDeviceGetName(name, 256, device), "cuDeviceGetName");
            CudaDriver.Check(driver.cuDeviceTotalMem(&memory, device), "cuDeviceTotalMem");
            CudaDriver.Check(driver.cuDeviceGetUuid(uuid, device), "cuDeviceGetUuid");
            CudaDriver.Check(driver.cuDeviceGetAttribute(&major, CudaDriver.AttributeComputeMajor, device), "cuDeviceGetAttribute");
            CudaDriver.Check(driver.cuDeviceGetAttribute(&minor, CudaDriver.AttributeComputeMinor, device), "cuDeviceGetAttribute");
            CudaDriver.Check(driver.cuDeviceGetAttribute(&sms, CudaDriver.AttributeMultiprocessorCount, device), "cuDeviceGetAttribute");
            devices.Add(new CudaDevice(ordinal, Encoding.UTF8.GetString(name, IndexOfNul(name, 256)), memory, FormatUuid(new ReadOnlySpan<byte>(uuid, 16)), major, minor, sms, version));
        }

        return devices;
    }

    /// <summary>nvidia-smi prints the 16 UUID bytes as GPU-8-4-4-4-12 lowercase hex, in byte order.</summary>
    public static string FormatUuid(ReadOnlySpan<byte> uuid)
    {
        var hex = Convert.ToHexStringLower(uuid);
        return $"GPU-{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..]}";
    }

    private static int IndexOfNul(byte* text, int max)
    {
        var length = 0;
        while (length < max && text[length] != 0)
        {
            length++;
        }

        return length;
    }
}
