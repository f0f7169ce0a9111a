using System.Runtime.InteropServices;
using System.Text;

namespace PowerVerse.GpuAgent.Backends.Cuda;

/// <summary>
/// NVRTC, the CUDA run-time compiler, bound like <see cref="CudaDriver"/>: compiles the kernel text for the
/// device's compute capability, to a cubin where NVRTC can (no PTX JIT in the driver needed) and to PTX otherwise.
/// </summary>
internal sealed unsafe class Nvrtc
{
    private static readonly string[] LibraryNames = ["libnvrtc.so", "libnvrtc.so.13", "libnvrtc.so.12", "libnvrtc.so.11.2"];

    private static readonly Lazy<(Nvrtc?, string)> Loaded = new(Load);

    private readonly delegate* unmanaged<IntPtr*, byte*, byte*, int, byte**, byte**, int> _create;
    private readonly delegate* unmanaged<IntPtr, int, byte**, int> _compile;
    private readonly delegate* unmanaged<IntPtr*, int> _destroy;
    private readonly delegate* unmanaged<IntPtr, nuint*, int> _logSize;
    private readonly delegate* unmanaged<IntPtr, byte*, int> _log;
    private readonly delegate* unmanaged<IntPtr, nuint*, int> _ptxSize;
    private readonly delegate* unmanaged<IntPtr, byte*, int> _ptx;
    private readonly delegate* unmanaged<IntPtr, nuint*, int> _cubinSize;
    private readonly delegate* unmanaged<IntPtr, byte*, int> _cubin;

    private Nvrtc(IntPtr library)
    {
        _create = (delegate* unmanaged<IntPtr*, byte*, byte*, int, byte**, byte**, int>)Export(library, "nvrtcCreateProgram");
        _compile = (delegate* unmanaged<IntPtr, int, byte**, int>)Export(library, "nvrtcCompileProgram");
        _destroy = (delegate* unmanaged<IntPtr*, int>)Export(library, "nvrtcDestroyProgram");
        _logSize = (delegate* unmanaged<IntPtr, nuint*, int>)Export(library, "nvrtcGetProgramLogSize");
        _log = (delegate* unmanaged<IntPtr, byte*, int>)Export(library, "nvrtcGetProgramLog");
        _ptxSize = (delegate* unmanaged<IntPtr, nuint*, int>)Export(library, "nvrtcGetPTXSize");
        _ptx = (delegate* unmanaged<IntPtr, byte*, int>)Export(library, "nvrtcGetPTX");
        if (NativeLibrary.TryGetExport(library, "nvrtcGetCUBINSize", out var cubinSize) && NativeLibrary.TryGetExport(library, "nvrtcGetCUBIN", out var cubin))
        {
            _cubinSize = (delegate* unmanaged<IntPtr, nuint*, int>)cubinSize;
            _cubin = (delegate* unmanaged<IntPtr, byte*, int>)cubin;
        }
    }

    public static Nvrtc? TryGet(out string reason)
    {
        (var nvrtc, reason) = Loaded.Value;
        return nvrtc;
    }

    /// <summary>
    /// Compiles <paramref name="source"/> for compute capability major.minor; returns the image for
    /// cuModuleLoadData (NUL-terminated PTX, or a cubin) and whether it is a cubin.
    /// </summary>
    public (byte[] Image, bool IsCubin) Compile(string source, string name, int major, int minor)
    {
        // A real architecture (sm_XY) gives a cubin the driver loads as is; a virtual one (compute_XY) gives
        // PTX, the fallback when this NVRTC cannot emit a cubin.
        var cubin = _cubin != null;
        var arch = cubin ? $"--gpu-architecture=sm_{major}{minor}" : $"--gpu-architecture=compute_{major}{minor}";
        string[] options = [arch, "--std=c++14"];
        var program = IntPtr.Zero;
        var sourceBytes = Utf8(source);
        var nameBytes = Utf8(name);
        fixed (byte* src = sourceBytes, nm = nameBytes)
        {
            CudaDriver.Check(NvrtcStatus(_create(&program, src, nm, 0, null, null)), "nvrtcCreateProgram");
        }

        try
        {
            var optionBytes = options.Select(Utf8).ToArray();
            var handles = optionBytes.Select(o => GCHandle.Alloc(o, GCHandleType.Pinned)).ToArray();
            try
            {
                var pointers = stackalloc byte*[handles.Length];
                for (var i = 0; i < handles.Length; i++)
                {
                    pointers[i] = (byte*)handles[i].AddrOfPinnedObject();
                }

                var status = _compile(program, handles.Length, pointers);
                if (status != 0)
                {
                    throw new CudaException($"NVRTC could not compile {name} for {arch} (error {status}):\n{Log(program)}");
                }
            }
            finally
            {
                foreach (var handle in handles)
                {
                    handle.Free();
                }
            }

            nuint size;
            CudaDriver.Check(NvrtcStatus(cubin ? _cubinSize(program, &size) : _ptxSize(program, &size)), "nvrtcGetCUBINSize/PTXSize");
            var image = new byte[(int)size];
            fixed (byte* p = image)
            {
                CudaDriver.Check(NvrtcStatus(cubin ? _cubin(program, p) : _ptx(program, p)), "nvrtcGetCUBIN/PTX");
            }

            return (image, cubin);
        }
        finally
        {
            _destroy(&program);
        }
    }

    private string Log(IntPtr program)
    {
        nuint size;
        if (_logSize(program, &size) != 0 || size == 0)
        {
            return "";
        }

        var log = new byte[(int)size];
        fixed (byte* p = log)
        {
            _log(program, p);
        }

        return Encoding.UTF8.GetString(log).TrimEnd('\0');
    }

    // NVRTC's codes are not CUDA's; offset them so an error message cannot be mistaken for a driver one.
    private static int NvrtcStatus(int status) => status == 0 ? 0 : 10_000 + status;

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text + "\0");

    private static (Nvrtc?, string) Load()
    {
        foreach (var name in LibraryNames.Concat(ToolkitCopies()))
        {
            if (NativeLibrary.TryLoad(name, out var library))
            {
                try
                {
                    return (new Nvrtc(library), "");
                }
                catch (EntryPointNotFoundException e)
                {
                    return (null, $"{name} is too old: {e.Message}");
                }
            }
        }

        return (null, "no NVRTC library (libnvrtc) on this machine");
    }

    // The toolkit's own folders, which are often not on the loader's path.
    private static IEnumerable<string> ToolkitCopies()
    {
        var roots = new[] { Environment.GetEnvironmentVariable("CUDA_HOME"), Environment.GetEnvironmentVariable("CUDA_PATH"), "/usr/local/cuda" }
            .Concat(Directory.Exists("/usr/local") ? Directory.GetDirectories("/usr/local", "cuda-*") : [])
            .OfType<string>();
        foreach (var root in roots)
        {
            foreach (var lib in new[] { "lib64", "lib", Path.Combine("targets", "x86_64-linux", "lib") })
            {
                var folder = Path.Combine(root, lib);
                if (Directory.Exists(folder))
                {
                    foreach (var file in Directory.GetFiles(folder, "libnvrtc.so*").Where(f => !f.Contains("builtins", StringComparison.Ordinal)).Order())
                    {
                        yield return file;
                    }
                }
            }
        }
    }

    private static IntPtr Export(IntPtr library, string name) =>
        NativeLibrary.TryGetExport(library, name, out var address) ? address : throw new EntryPointNotFoundException($"'{name}' is not exported.");
}
