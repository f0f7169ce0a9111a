using System.Numerics;
using Nethereum.BlockchainProcessing.ProgressRepositories;

namespace PowerVerse.Functions.Indexer;

/// <summary>
/// Nethereum's log processor records progress after each range of blocks it handled; this writes the range's
/// buffered logs first, so progress never runs ahead of what is journalled and projected.
/// </summary>
internal sealed class FlushBeforeProgress(IBlockProgressRepository inner, Func<Task> flush) : IBlockProgressRepository
{
    public Task<BigInteger?> GetLastBlockNumberProcessedAsync() => inner.GetLastBlockNumberProcessedAsync();

    public async Task UpsertProgressAsync(BigInteger blockNumber)
    {
        await flush();
        await inner.UpsertProgressAsync(blockNumber);
    }
}
