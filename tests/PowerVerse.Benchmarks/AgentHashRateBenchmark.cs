using PowerVerse.GpuAgent.Commands;

namespace PowerVerse.Benchmarks;

/// <summary>
/// The gpu-agent's proof hash rate: per core for each CPU kernel against <c>openssl speed -evp sha3-256</c> on
/// 60-byte inputs measured in the same run (one Keccak-f[1600] per hash in both), all cores, and CUDA when present.
/// </summary>
internal sealed class AgentHashRateBenchmark : IBenchmark
{
    public string Name => "agent-hashrate";

    public Task RunAsync(TextWriter output) => BenchCommand.RunAsync(["3"], output, CancellationToken.None);
}
