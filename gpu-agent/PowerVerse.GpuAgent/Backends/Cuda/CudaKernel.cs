using System.Reflection;
using System.Text;
using PowerVerse.GpuAgent.Proof;

namespace PowerVerse.GpuAgent.Backends.Cuda;

/// <summary>
/// The keccak_shares kernel loaded on one device: its context, module, candidate buffers and the launch
/// shape cuOccupancyMaxPotentialBlockSize picks for it (the block size that maximises occupancy, and the
/// smallest grid that fills every multiprocessor at it; threads stride over the batch).
/// </summary>
internal sealed unsafe class CudaKernel : IDisposable
{
    private const string ResourceName = "keccak_shares.cu";

    private readonly CudaDriver _driver;
    private readonly IntPtr _context;
    private readonly IntPtr _function;
    private readonly ulong _count;
    private readonly ulong _found;
    private readonly uint _capacity;

    private CudaKernel(CudaDriver driver, IntPtr context, IntPtr function, ulong count, ulong found, uint capacity, int grid, int block)
    {
        (_driver, _context, _function, _count, _found, _capacity) = (driver, context, function, count, found, capacity);
        (GridSize, BlockSize) = (grid, block);
    }

    public int GridSize { get; }

    public int BlockSize { get; }

    public static string Source()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The kernel resource '{ResourceName}' is missing from the build.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    public static CudaKernel Load(CudaDriver driver, Nvrtc nvrtc, CudaDevice device, uint capacity = 1 << 20)
    {
        var (image, _) = nvrtc.Compile(Source(), ResourceName, device.ComputeMajor, device.ComputeMinor);
        IntPtr context, module, function;
        int cuDevice, minGrid, block;
        ulong count, found;
        CudaDriver.Check(driver.cuDeviceGet(&cuDevice, device.Ordinal), "cuDeviceGet");
        CudaDriver.Check(driver.cuCtxCreate(&context, 0, cuDevice), "cuCtxCreate");
        fixed (byte* p = image)
        {
            CudaDriver.Check(driver.cuModuleLoadData(&module, p), "cuModuleLoadData");
        }

        var name = Encoding.ASCII.GetBytes("keccak_shares\0");
        fixed (byte* n = name)
        {
            CudaDriver.Check(driver.cuModuleGetFunction(&function, module, n), "cuModuleGetFunction");
        }

        CudaDriver.Check(driver.cuOccupancyMaxPotentialBlockSize(&minGrid, &block, function, IntPtr.Zero, 0, 0), "cuOccupancyMaxPotentialBlockSize");
        CudaDriver.Check(driver.cuMemAlloc(&count, sizeof(uint)), "cuMemAlloc");
        CudaDriver.Check(driver.cuMemAlloc(&found, (nuint)capacity * sizeof(ulong)), "cuMemAlloc");
        return new CudaKernel(driver, context, function, count, found, capacity, minGrid, block);
    }

    public void MakeCurrent() => CudaDriver.Check(_driver.cuCtxSetCurrent(_context), "cuCtxSetCurrent");

    /// <summary>The candidates of [first, first + count) in no order, or null when more than the buffer holds.</summary>
    public ulong[]? Scan(ProofMessage message, ulong first, ulong count, uint capacity)
    {
        capacity = Math.Min(capacity, _capacity);
        var zero = 0u;
        CudaDriver.Check(_driver.cuMemcpyHtoD(_count, &zero, sizeof(uint)), "cuMemcpyHtoD");
        var lanes = stackalloc ulong[25];
        message.Lanes.CopyTo(new Span<ulong>(lanes, 25));
        var mask = message.Lane0Mask;
        var countPtr = _count;
        var foundPtr = _found;

        // cuLaunchKernel takes one pointer per parameter, in the kernel's order (struct by value first).
        var args = stackalloc void*[] { lanes, &first, &count, &mask, &capacity, &countPtr, &foundPtr };
        CudaDriver.Check(_driver.cuLaunchKernel(_function, (uint)GridSize, 1, 1, (uint)BlockSize, 1, 1, 0, IntPtr.Zero, args, null), "cuLaunchKernel");
        CudaDriver.Check(_driver.cuCtxSynchronize(), "cuCtxSynchronize (keccak_shares)");
        uint hits;
        CudaDriver.Check(_driver.cuMemcpyDtoH(&hits, _count, sizeof(uint)), "cuMemcpyDtoH");
        if (hits > capacity)
        {
            return null;
        }

        var result = new ulong[hits];
        fixed (ulong* r = result)
        {
            CudaDriver.Check(_driver.cuMemcpyDtoH(r, _found, (nuint)hits * sizeof(ulong)), "cuMemcpyDtoH");
        }

        return result;
    }

    public void Dispose()
    {
        _driver.cuCtxSetCurrent(_context);
        _driver.cuMemFree(_found);
        _driver.cuMemFree(_count);
        _driver.cuCtxDestroy(_context);
    }
}
