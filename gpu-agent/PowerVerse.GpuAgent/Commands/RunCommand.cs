using System.Runtime.InteropServices;
using PowerVerse.GpuAgent.Agent;
using PowerVerse.GpuAgent.Backends;
using PowerVerse.GpuAgent.Backends.Cpu;
using PowerVerse.GpuAgent.Backends.Cuda;
using PowerVerse.GpuAgent.Grants;
using PowerVerse.GpuAgent.Gpus;
using PowerVerse.GpuAgent.Keys;
using PowerVerse.GpuAgent.Signing;

namespace PowerVerse.GpuAgent.Commands;

/// <summary>
/// <c>gpu-agent run</c>: unlocks the key, picks the backend (<c>--backend auto|cuda|cpu</c>, <c>--gpu n</c>) and runs the
/// <see cref="AgentRunner"/> until SIGTERM or SIGINT, which stop polling and cancel the solve in hand; the
/// unfinished challenge is made visible again and the process exits 0.
/// </summary>
internal static class RunCommand
{
    public static async Task<int> RunAsync(AgentOptions options, TextWriter output)
    {
        var time = TimeProvider.System;
        var log = new AgentLog(output, time);
        using var stopping = new CancellationTokenSource();
        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            log.Info("signal", $"{context.Signal}: stopping");
            stopping.Cancel();
        }

        using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);

        var signer = new AgentSigner(AgentKeystore.Decrypt(await File.ReadAllTextAsync(options.Keystore), options.Passphrase()));
        var (gpus, note) = await GpuDetector.DetectAsync(stopping.Token);
        using var solver = ChooseSolver(options.Get("backend") ?? "auto", options, log, note);
        if (options.Get("api") is not { } api)
        {
            await Runner(new QueueAccess(AgentQueues.From(options, signer.Address))).RunAsync(stopping.Token);
            return 0;
        }

        // DESIGN §3: the platform hands out the queue SAS; the agent renews it beside the loop.
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var renewal = new SasRenewal(http, SasGrant.Base(api), signer, SasLifetime(options), log, time);
        QueueAccess access;
        try
        {
            access = await renewal.FirstAsync(stopping.Token);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            return 0;
        }

        var renewing = renewal.RunAsync(access, stopping.Token);
        await Runner(access).RunAsync(stopping.Token);
        await renewing;
        return 0;

        AgentRunner Runner(QueueAccess queues) =>
            new(signer, queues, solver, new GrantStore(options.GrantsFile, time), AgentSettings.From(options), gpus, log, time);
    }

    /// <summary><c>--sas-lifetime</c>: a TimeSpan (<c>1.00:00:00</c>, <c>00:00:12</c>), default 24 h.</summary>
    public static TimeSpan SasLifetime(AgentOptions options)
    {
        if (options.Get("sas-lifetime") is not { } text)
        {
            return SasRenewal.DefaultLifetime;
        }

        return TimeSpan.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var lifetime) && lifetime >= TimeSpan.FromSeconds(5)
            ? lifetime
            : throw new AgentConfigurationException($"--sas-lifetime '{text}' must be a TimeSpan of at least 5 seconds (e.g. 1.00:00:00).");
    }

    private static IProofSolver ChooseSolver(string backend, AgentOptions options, AgentLog log, string gpuNote)
    {
        var threads = int.TryParse(options.Get("threads"), out var n) ? n : 0;
        if (backend is "auto" or "cuda")
        {
            try
            {
                var ordinal = int.TryParse(options.Get("gpu"), out var gpu) ? gpu : 0;
                if (CudaSolver.TryCreate(ordinal, out var why) is { } cuda)
                {
                    return cuda;
                }

                if (backend == "cuda")
                {
                    throw new AgentConfigurationException($"--backend cuda, but CUDA is unavailable: {why}");
                }

                log.Info("backend", $"cuda unavailable ({why}); {gpuNote}; using the CPU");
            }
            catch (CudaException e) when (backend == "auto")
            {
                log.Warn("backend", $"cuda failed to start ({e.Message}); using the CPU");
            }
        }

        return backend is "auto" or "cpu" or "cuda"
            ? new CpuSolver(threads)
            : throw new AgentConfigurationException($"Unknown --backend '{backend}'; use auto, cuda or cpu.");
    }
}
