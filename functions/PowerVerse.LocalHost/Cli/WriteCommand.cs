using System.Numerics;
using Nethereum.Signer;
using Nethereum.Web3;
using PowerVerse.Chain.Deployment;
using PowerVerse.Chain.Rpc;
using PowerVerse.Client.Accounts;
using PowerVerse.Client.Api;
using PowerVerse.Client.Writes;

namespace PowerVerse.LocalHost.Cli;

/// <summary>
/// <c>PowerVerse.LocalHost write ACTION [options]</c> (<c>./pv write</c>): signs one write with a user's key, posts it to
/// the API, prints the workflow id and follows the workflow to its end — each step, then the output or the failure.
/// Exit 0 when it completed, 1 when it was refused or failed, 2 on a bad command line.
/// </summary>
internal static class WriteCommand
{
    public const string Usage = """
        usage: write ACTION (--account N | --key-file F) [options]      amounts in whole units of --token (PVC, tUSD or 0x…)
          hardware     --payload F [--device-index I] [--gpu-model 6] [--vcpus 32] [--memory-mib 131072]
                       (F: the agent's `init --owner … --payload-file F` output; the owner must be the signer)
          resource     --hid H [--gpu-share-bps 5000] [--vcpus 16] [--memory-mib 65536] [--disk-gib 500]
          usage-right  --vid V [--duration SECONDS (default a week)]
          list         --uid U --token T --price P [--beneficiary 0x…:SHARES ...]   (beneficiaries: the VID's first listing, mints RID)
          buy          --uid U --token T --price P [--ssh-key 'ssh-ed25519 …' | FILE.pub]
          claim        --vid V --token T
          list-shares  --vid V --amount N --token T --price UNIT-PRICE
          buy-shares   --listing L --amount N --token T --price UNIT-PRICE
          claim-dividend --epoch E [--for 0x…]   the account's dividend (default the signer's), amount and proof from the API
          proof        --vid V                  a proof of compute (by the UID's user or the VID's provider)
          access       --uid U                  the UID's access configuration (a read signed by its user)
          approve      --token T --amount A     wallet: ERC-20 approve of the market, sent directly (the API has no route)
          stake        --hid H [--amount A]     wallet: approve PVC and stake the HID (default: its compute type's minimum)
        common: [--api http://127.0.0.1:7071/api] [--rpc http://127.0.0.1:8545] [--manifest contracts/deployments/31337.json]
                [--timeout 300]   --account N: Hardhat test account N (local chain 31337 only)
        """;

    private static readonly string[] Common = ["account", "key-file", "api", "rpc", "manifest", "timeout"];

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        try
        {
            if (args is not [var action, ..] || action is "help" or "--help")
            {
                await error.WriteLineAsync(Usage);
                return 2;
            }

            var options = new CommandOptions(args.Skip(1));
            var manifest = DeploymentManifest.Load(options.Get("manifest") ?? Environment.GetEnvironmentVariable("Chain__Manifest") ?? Path.Combine("contracts", "deployments", "31337.json"));
            var key = Key(options, manifest);
            var web3 = new Web3(ChainRpc.CreateClient(new Uri(options.Get("rpc") ?? Environment.GetEnvironmentVariable("Chain__RpcUrl") ?? "http://127.0.0.1:8545")));
            using var http = new HttpClient { BaseAddress = new Uri(options.Get("api") ?? "http://127.0.0.1:7071/api"), Timeout = TimeSpan.FromSeconds(60) };
            var api = new PowerVerseApi(http);
            var actions = new WriteActions(new WriteSigner(key, manifest, web3), key, manifest, web3, options);
            if (WriteActions.Known(action) is not { } known)
            {
                throw new CommandException($"Unknown action '{action}'.");
            }

            if (options.Unknown([.. Common, .. known]).FirstOrDefault() is { } unknown)
            {
                throw new CommandException($"'{action}' takes no --{unknown}.");
            }

            return action switch
            {
                "access" => await ShowAccessAsync(api, key, options.Number("uid"), output),
                "approve" or "stake" => await actions.SendFromWalletAsync(action, output),
                "claim-dividend" => await FollowAsync(api, await actions.ClaimDividendAsync(api), TimeSpan.FromSeconds(options.Number("timeout", 300)), output),
                _ => await FollowAsync(api, await actions.SignAsync(action), TimeSpan.FromSeconds(options.Number("timeout", 300)), output),
            };
        }
        catch (CommandException e)
        {
            await error.WriteLineAsync($"write: {e.Message}\n{Usage}");
            return 2;
        }
        catch (Exception e) when (e is FormatException or ArgumentException or KeyNotFoundException or IOException or HttpRequestException)
        {
            await error.WriteLineAsync($"write: {e.Message}");
            return 1;
        }
    }

    /// <summary>Posts the write and follows its workflow, printing each step.</summary>
    private static async Task<int> FollowAsync(PowerVerseApi api, PreparedWrite write, TimeSpan timeout, TextWriter output)
    {
        await output.WriteLineAsync($"workflow {write.Id}  (POST {write.Route} from {write.Body.From})");
        var answer = await api.PostAsync(write);
        if (answer.Problem is { } problem)
        {
            await output.WriteLineAsync($"refused: {problem}");
            return 1;
        }

        await output.WriteLineAsync($"accepted: {answer.Location}");
        var workflow = await api.WaitForWorkflowAsync(answer.Id!, timeout, w => output.WriteLine($"  {w.Status,-9} {w.CurrentStep}"));
        if (workflow.Result is { } result)
        {
            await output.WriteLineAsync($"completed: {result}");
            return 0;
        }

        if (workflow.IsCompleted && workflow.Output is { } proof)
        {
            // A proof's output: its challenge, outcome, transactions, elapsed time, work and any refused results.
            await output.WriteLineAsync($"completed: {proof.GetRawText()}");
            return 0;
        }

        await output.WriteLineAsync(workflow.Failure is { } failure
            ? $"{workflow.Status.ToLowerInvariant()}: {failure.ErrorType}: {failure.ErrorMessage}"
            : $"{workflow.Status.ToLowerInvariant()} without output");
        return workflow.IsCompleted ? 0 : 1;
    }

    private static async Task<int> ShowAccessAsync(PowerVerseApi api, EthECKey user, BigInteger uid, TextWriter output)
    {
        var answer = await api.GetUsageRightAsync(uid, user);
        if (answer.Problem is { } problem)
        {
            await output.WriteLineAsync($"refused: {problem}");
            return 1;
        }

        var view = answer.Json;
        var expires = DateTimeOffset.FromUnixTimeSeconds(view.GetProperty("expires").GetInt64());
        await output.WriteLineAsync($"UID {uid}: user {view.GetProperty("user")}, expires {expires:yyyy-MM-ddTHH:mm:ssZ}, active {view.GetProperty("active").GetRawText()}");
        await output.WriteLineAsync(AccessEndpoint.Of(view) is { } access ? $"access: {access}" : "access: none (not the UID's live user)");
        return 0;
    }

    private static EthECKey Key(CommandOptions options, DeploymentManifest manifest)
    {
        if (options.Get("key-file") is { } file)
        {
            return new EthECKey(File.ReadAllText(file).Trim());
        }

        var account = options.Number("account", -1);
        if (account < 0)
        {
            throw new CommandException("Say who signs: --account N (a Hardhat test account) or --key-file F (a file holding a 0x private key).");
        }

        // Hardhat's keys are public: they sign for the local chain only.
        return manifest.ChainId == HardhatAccounts.ChainId
            ? HardhatAccounts.Key(account)
            : throw new CommandException($"--account is for the local chain ({HardhatAccounts.ChainId}); this manifest is chain {manifest.ChainId}: use --key-file.");
    }
}
