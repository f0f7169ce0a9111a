namespace PowerVerse.GpuAgent.Backends.Cuda;

/// <summary>A CUDA driver or NVRTC call failed; the message names the call and the error code.</summary>
internal sealed class CudaException : Exception
{
    public CudaException()
    {
    }

    public CudaException(string message)
        : base(message)
    {
    }

    public CudaException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
