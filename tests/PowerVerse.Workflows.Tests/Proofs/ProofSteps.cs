using System.Globalization;
using System.Numerics;
using Nethereum.Contracts;
using Nethereum.RPC.Eth.DTOs;
using PowerVerse.Chain.Contracts;
using PowerVerse.Chain.Events;
using PowerVerse.Client.Accounts;
using PowerVerse.Client.Api;
using PowerVerse.Client.Writes;
using PowerVerse.Workflows.Tests.Support;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace PowerVerse.Workflows.Tests.Proofs;

/// <summary>
/// What the proof tests do through the API (request a proof, follow its workflow) and read on chain (the challenge,
/// its events, the challenger's transactions, an HID's stake), and the hardware they set up for it.
/// </summary>
internal sealed class ProofSteps(LocalStack stack, ITestOutputHelper output)
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(150);

    /// <summary>The platform's challenger (Hardhat #2, the keys file's <c>challenger</c>).</summary>
    public static readonly string Challenger = HardhatAccounts.Key(2).GetPublicAddress();

    public ChainViews Chain { get; } = new(stack.Web3, stack.Manifest);

    /// <summary><c>POST /api/proofs</c> signed by <paramref name="requester"/>: 202 with the workflow's id and location.</summary>
    public async Task<string> RequestAsync(Wallet requester, BigInteger vid)
    {
        ArgumentNullException.ThrowIfNull(requester);
        return await PostAsync(await requester.Writes.RequestProofAsync(vid));
    }

    /// <summary>Posts a signed proof request: 202 with the workflow's id (the request's EIP-712 hash) and location.</summary>
    public async Task<string> PostAsync(PreparedWrite write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var answer = await stack.Api.PostAsync(write);
        if (!answer.IsAccepted)
        {
            throw new XunitException($"POST /api/proofs ({write.Body.ToJson()}) was refused: {answer.Problem}");
        }

        Assert.Equal(write.Id, answer.Id);
        Assert.Equal($"/api/workflows/{write.Id}", answer.Location);
        return write.Id;
    }

    /// <summary>Follows the workflow until it has finished; it must have completed.</summary>
    public async Task<ProofRun> CompletedAsync(string id)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        Workflow workflow;
        try
        {
            workflow = await stack.Api.WaitForWorkflowAsync(id, Patience);
        }
        catch (TimeoutException e)
        {
            throw Failure(e.Message);
        }

        var run = new ProofRun(workflow);
        output.WriteLine($"{DateTimeOffset.UtcNow:HH:mm:ss} {run} in {clock.Elapsed.TotalSeconds:F1} s");
        return workflow.IsCompleted ? run : throw Failure($"Workflow {id} ended {workflow.Status}: {workflow.Failure?.ErrorMessage}");
    }

    /// <summary>Follows the workflow until <paramref name="until"/> holds; finishing first fails.</summary>
    public async Task<ProofRun> WaitAsync(string id, Func<ProofRun, bool> until, string what)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        ProofRun? last = null;
        while (clock.Elapsed < Patience)
        {
            if (await stack.Api.GetWorkflowAsync(id) is { } workflow)
            {
                last = new ProofRun(workflow);
                if (until(last))
                {
                    return last;
                }

                if (workflow.IsFinished)
                {
                    break;
                }
            }

            await Task.Delay(100);
        }

        throw Failure($"Workflow {id} never got to {what}; last: {last}");
    }

    /// <summary>Waits until the workflow waits for its agent's result (the challenge is on the agent's queue).</summary>
    public Task<ProofRun> AwaitingResultAsync(string id) => WaitAsync(id, r => r.Step == "awaiting-result", "awaiting-result");

    public async Task<ChallengeInfo> ChallengeAsync(BigInteger challengeId) =>
        (await stack.Web3.Eth.GetContractQueryHandler<ChallengeOfFunction>()
            .QueryDeserializingToObjectAsync<ChallengeOutput>(new ChallengeOfFunction { ChallengeId = challengeId }, stack.Manifest["ProofOfCompute"])).Challenge;

    /// <summary>A contract's events named <paramref name="name"/> of one challenge, over the whole chain.</summary>
    public async Task<IReadOnlyList<DecodedEvent>> EventsAsync(string contract, string name, BigInteger challengeId)
    {
        var logs = await stack.Web3.Eth.Filters.GetLogs.SendRequestAsync(new NewFilterInput
        {
            Address = [stack.Manifest[contract]],
            FromBlock = BlockParameter.CreateEarliest(),
            ToBlock = BlockParameter.CreateLatest(),
        });
        return [.. logs.Select(EventRegistry.Contracts.Decode).OfType<DecodedEvent>().Where(e => e.Name == name && e.Number("challengeId") == challengeId)];
    }

    /// <summary>ProofOfCompute's <c>count()</c>: the challenges requested so far (ids are 1..count).</summary>
    public Task<BigInteger> ChallengeCountAsync() =>
        stack.Web3.Eth.GetContractQueryHandler<CountFunction>().QueryAsync<BigInteger>(stack.Manifest["ProofOfCompute"], new CountFunction());

    /// <summary>How many transactions the challenger has sent (mined).</summary>
    public async Task<BigInteger> ChallengerNonceAsync() =>
        (await stack.Web3.Eth.Transactions.GetTransactionCount.SendRequestAsync(Challenger, BlockParameter.CreateLatest())).Value;

    public async Task<StakeInfo> StakeAsync(BigInteger hid) =>
        (await stack.Web3.Eth.GetContractQueryHandler<StakeOfFunction>()
            .QueryDeserializingToObjectAsync<StakeOutput>(new StakeOfFunction { Hid = hid }, stack.Manifest["ProviderStaking"])).Stake;

    /// <summary>
    /// Registers a device attested by <paramref name="device"/>'s agent for the provider through the API (HID), stakes
    /// the compute type's minimum, and creates <paramref name="resources"/> resources on it from the provider's wallet.
    /// </summary>
    public async Task<(BigInteger Hid, IReadOnlyList<BigInteger> Vids)> HardwareAsync(
        Wallet provider, DeviceAttestation device, int resources = 1, uint gpuModel = MarketSteps.H200, uint computeType = MarketSteps.GpuComputeType)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentNullException.ThrowIfNull(device);
        var writes = new WriteRunner(stack, output);
        var registered = await writes.CompleteAsync(await provider.Writes.RegisterHardwareAsync(gpuModel, device.DeviceHash, device.Agent, 32, 131_072, device.Attestation));
        var hid = BigInteger.Parse(registered.Argument("hid"), CultureInfo.InvariantCulture);
        await provider.StakeAsync(hid, await Chain.MinStakeAsync(computeType));
        var vids = new List<BigInteger>();
        for (var i = 0; i < resources; i++)
        {
            var receipt = await provider.SendAsync("ResourceRegistry", new CreateResourceFunction
            {
                Hid = hid, GpuShareBps = (ushort)(10_000 / Math.Max(resources, 2)), Vcpus = 2, MemoryMiB = 8_192, DiskGiB = 50,
            });
            vids.Add(receipt.Logs.Select(EventRegistry.Contracts.Decode).OfType<DecodedEvent>().Single(e => e.Name == "ResourceCreated").Number("vid"));
        }

        return (hid, vids);
    }

    public XunitException Failure(string what) => new($"{what}\n{stack.Logs()}");

    [Nethereum.ABI.FunctionEncoding.Attributes.Function("count", "uint256")]
    private sealed class CountFunction : FunctionMessage;
}
