using PowerVerse.GpuAgent.Agent;
using PowerVerse.GpuAgent.Keys;

namespace PowerVerse.GpuAgent.Commands;

/// <summary>Dispatches the command line; exit code 0 on success, 1 on a configuration or key error, 2 on bad usage.</summary>
internal static class AgentCli
{
    public const string Usage = """
        usage: gpu-agent <command> [--option value ...]   (every option also reads PV_AGENT_<OPTION>)
          init   create or import the agent key (keystore v3), detect GPUs, print the registration payload
                 --keystore path  --passphrase p | --passphrase-file f  [--import-key 0x.. | --import-keystore f]
                 [--owner 0x.. --chain-id n --hardware-registry 0x..]  attest each device for that provider
                 [--device UUID]  also attest a device that is not detected   [--payload-file f]  also write the payload there
          run    poll the agent queue, solve, sign and post results, apply grants, send heartbeats
                 --keystore --passphrase(-file) --chain-id --proof-contract
                 --api <url> [--sas-lifetime 1.00:00:00]  the platform's API (…/api) hands out the queue SAS, renewed at 80 %
                 | --storage <connection string> | --queue-url --results-url --events-url [--poison-url] <SAS URLs>
                 [--backend auto|cuda|cpu] [--gpu 0] [--threads n] [--grants-file f] [--visibility-seconds 60]
                 [--heartbeat-seconds 60] [--max-idle-seconds 10] [--ssh-host h --ssh-port p --ssh-user u]
          bench  [seconds]  hash rate of every backend found, against openssl's sha3-256
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var rest = args.Skip(1).ToArray();
        try
        {
            switch (args.FirstOrDefault())
            {
                case "bench":
                    return await BenchCommand.RunAsync(rest, output, CancellationToken.None);
                case "init":
                    return await InitCommand.RunAsync(new AgentOptions(rest), output, CancellationToken.None);
                case "run":
                    return await RunCommand.RunAsync(new AgentOptions(rest), output);
                default:
                    await error.WriteLineAsync(Usage);
                    return 2;
            }
        }
        catch (Exception e) when (e is AgentConfigurationException or KeystoreException or FileNotFoundException or FormatException)
        {
            await error.WriteLineAsync($"gpu-agent: {e.Message}");
            return 1;
        }
        catch (Exception e) when (StorageFailure.Is(e))
        {
            await error.WriteLineAsync($"gpu-agent: storage failed: {StorageFailure.Describe(e)}");
            return 1;
        }
    }
}
