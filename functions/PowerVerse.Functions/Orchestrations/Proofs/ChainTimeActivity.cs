using Microsoft.DurableTask;

namespace PowerVerse.Functions.Orchestrations.Proofs;

/// <summary>The chain's latest block time (unix seconds): deadlines are judged by it, never by the wall clock.</summary>
[DurableTask(Name)]
public sealed class ChainTimeActivity(Challenger challenger) : TaskActivity<string, long>
{
    public const string Name = "ChainTime";

    public override Task<long> RunAsync(TaskActivityContext context, string input) => challenger.ChainTimeAsync();
}
