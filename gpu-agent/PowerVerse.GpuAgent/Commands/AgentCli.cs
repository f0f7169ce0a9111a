namespace PowerVerse.GpuAgent.Commands;

/// <summary>Dispatches the command line to a command; the exit code is 0 on success, 2 on bad usage.</summary>
internal static class AgentCli
{
    public const string Usage = """
        usage: gpu-agent <command> [options]
          init   create or import the agent key (keystore v3), detect GPUs, print the registration payload
          run    poll the challenge queue, solve, sign and post results, apply grants, send heartbeats
          bench  [seconds]  hash rate of every backend found, against openssl's sha3-256
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var rest = args.Skip(1).ToArray();
        switch (args.FirstOrDefault())
        {
            case "bench":
                return await BenchCommand.RunAsync(rest, output, CancellationToken.None);
            default:
                await error.WriteLineAsync(Usage);
                return 2;
        }
    }
}
