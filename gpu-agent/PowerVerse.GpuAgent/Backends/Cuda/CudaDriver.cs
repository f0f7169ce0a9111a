using System.Runtime.InteropServices;

namespace PowerVerse.GpuAgent.Backends.Cuda;

/// <summary>
/// The few CUDA driver API entry points the agent needs, bound at run time from libcuda with
/// <see cref="NativeLibrary.TryLoad(string, out IntPtr)"/> so that a machine without a driver reports
/// "no CUDA" instead of failing to start. Versioned exports (_v2) are the ones cuda.h maps the names to.
/// </summary>
internal sealed unsafe class CudaDriver
{
    private static readonly string[] LibraryNames = ["libcuda.so.1", "libcuda.so", "nvcuda.dll"];

    private CudaDriver(IntPtr library)
    {
        cuInit = (delegate* unmanaged<uint, int>)Export(library, "cuInit");
        cuDriverGetVersion = (delegate* unmanaged<int*, int>)Export(library, "cuDriverGetVersion");
        cuDeviceGetCount = (delegate* unmanaged<int*, int>)Export(library, "cuDeviceGetCount");
        cuDeviceGet = (delegate* unmanaged<int*, int, int>)Export(library, "cuDeviceGet");
        cuDeviceGetName = (delegate* unmanaged<byte*, int, int, int>)Export(library, "cuDeviceGetName");
        cuDeviceTotalMem = (delegate* unmanaged<nuint*, int, int>)Export(library, "cuDeviceTotalMem_v2");
        cuDeviceGetUuid = (delegate* unmanaged<byte*, int, int>)Export(library, "cuDeviceGetUuid");
        cuDeviceGetAttribute = (delegate* unmanaged<int*, int, int, int>)Export(library, "cuDeviceGetAttribute");
        cuCtxCreate = (delegate* unmanaged<IntPtr*, uint, int, int>)Export(library, "cuCtxCreate_v2");
        cuCtxDestroy = (delegate* unmanaged<IntPtr, int>)Export(library, "cuCtxDestroy_v2");
        cuCtxSetCurrent = (delegate* unmanaged<IntPtr, int>)Export(library, "cuCtxSetCurrent");
        cuCtxSynchronize = (delegate* unmanaged<int>)Export(library, "cuCtxSynchronize");
        cuModuleLoadData = (delegate* unmanaged<IntPtr*, byte*, int>)Export(library, "cuModuleLoadData");
        cuModuleGetFunction = (delegate* unmanaged<IntPtr*, IntPtr, byte*, int>)Export(library, "cuModuleGetFunction");
        cuMemAlloc = (delegate* unmanaged<ulong*, nuint, int>)Export(library, "cuMemAlloc_v2");
        cuMemFree = (delegate* unmanaged<ulong, int>)Export(library, "cuMemFree_v2");
        cuMemcpyHtoD = (delegate* unmanaged<ulong, void*, nuint, int>)Export(library, "cuMemcpyHtoD_v2");
        cuMemcpyDtoH = (delegate* unmanaged<void*, ulong, nuint, int>)Export(library, "cuMemcpyDtoH_v2");
        cuLaunchKernel = (delegate* unmanaged<IntPtr, uint, uint, uint, uint, uint, uint, uint, IntPtr, void**, void**, int>)Export(library, "cuLaunchKernel");
        cuOccupancyMaxPotentialBlockSize = (delegate* unmanaged<int*, int*, IntPtr, IntPtr, nuint, int, int>)Export(library, "cuOccupancyMaxPotentialBlockSize");
    }

#pragma warning disable IDE1006, SA1300 // The fields keep the C names of cuda.h.
    public readonly delegate* unmanaged<uint, int> cuInit;
    public readonly delegate* unmanaged<int*, int> cuDriverGetVersion;
    public readonly delegate* unmanaged<int*, int> cuDeviceGetCount;
    public readonly delegate* unmanaged<int*, int, int> cuDeviceGet;
    public readonly delegate* unmanaged<byte*, int, int, int> cuDeviceGetName;
    public readonly delegate* unmanaged<nuint*, int, int> cuDeviceTotalMem;
    public readonly delegate* unmanaged<byte*, int, int> cuDeviceGetUuid;
    public readonly delegate* unmanaged<int*, int, int, int> cuDeviceGetAttribute;
    public readonly delegate* unmanaged<IntPtr*, uint, int, int> cuCtxCreate;
    public readonly delegate* unmanaged<IntPtr, int> cuCtxDestroy;
    public readonly delegate* unmanaged<IntPtr, int> cuCtxSetCurrent;
    public readonly delegate* unmanaged<int> cuCtxSynchronize;
    public readonly delegate* unmanaged<IntPtr*, byte*, int> cuModuleLoadData;
    public readonly delegate* unmanaged<IntPtr*, IntPtr, byte*, int> cuModuleGetFunction;
    public readonly delegate* unmanaged<ulong*, nuint, int> cuMemAlloc;
    public readonly delegate* unmanaged<ulong, int> cuMemFree;
    public readonly delegate* unmanaged<ulong, void*, nuint, int> cuMemcpyHtoD;
    public readonly delegate* unmanaged<void*, ulong, nuint, int> cuMemcpyDtoH;
    public readonly delegate* unmanaged<IntPtr, uint, uint, uint, uint, uint, uint, uint, IntPtr, void**, void**, int> cuLaunchKernel;
    public readonly delegate* unmanaged<int*, int*, IntPtr, IntPtr, nuint, int, int> cuOccupancyMaxPotentialBlockSize;
#pragma warning restore IDE1006, SA1300

    /// <summary>CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR / _MINOR / MULTIPROCESSOR_COUNT (cuda.h).</summary>
    public const int AttributeComputeMajor = 75;
    public const int AttributeComputeMinor = 76;
    public const int AttributeMultiprocessorCount = 16;

    private static readonly Lazy<(CudaDriver? Driver, string Reason)> Loaded = new(Load);

    /// <summary>The initialised driver, or null with the reason there is none.</summary>
    public static CudaDriver? TryGet(out string reason)
    {
        (var driver, reason) = Loaded.Value;
        return driver;
    }

    public static void Check(int status, string call)
    {
        if (status != 0)
        {
            throw new CudaException($"{call} failed with CUDA error {status}.");
        }
    }

    private static (CudaDriver?, string) Load()
    {
        foreach (var name in LibraryNames)
        {
            if (!NativeLibrary.TryLoad(name, out var library))
            {
                continue;
            }

            try
            {
                var driver = new CudaDriver(library);
                var status = driver.cuInit(0);
                return status == 0 ? (driver, "") : (null, $"cuInit failed with CUDA error {status} (no usable GPU or driver)");
            }
            catch (EntryPointNotFoundException e)
            {
                return (null, $"{name} is too old: {e.Message}");
            }
        }

        return (null, "no CUDA driver library (libcuda) on this machine");
    }

    private static IntPtr Export(IntPtr library, string name) =>
        NativeLibrary.TryGetExport(library, name, out var address) ? address : throw new EntryPointNotFoundException($"'{name}' is not exported.");
}
