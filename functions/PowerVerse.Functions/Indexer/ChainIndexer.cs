using System.Numerics;
using Microsoft.Extensions.Logging;
using Nethereum.BlockchainProcessing.Processor;
using Nethereum.Hex.HexTypes;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.Web3;
using PowerVerse.Chain.Deployment;
using PowerVerse.Chain.Events;

namespace PowerVerse.Functions.Indexer;

/// <summary>
/// Follows the PowerVerse contracts' logs with Nethereum.BlockchainProcessing, from the deployment block, up to the
/// head less the confirmation depth. The logs of each range are journalled (keyed by block and log index, one
/// batch per block) and handed to the projections in chain order before the range's progress is kept, so a crash
/// anywhere replays at most that range into idempotent writers. Before each run it checks that the blocks it indexed are still
/// canonical; after a reorg it retracts the journal of the rewound blocks and rebuilds the read model from the rest
/// (Nethereum detects a fork and rewinds its progress, but never retracts what was written).
/// </summary>
public sealed partial class ChainIndexer(
    IWeb3 web3, DeploymentManifest manifest, EventRegistry events, EventJournal journal, IndexerProgress progress,
    IEnumerable<IEventProjection> projections, IndexerOptions options, ILogger<ChainIndexer> log) : IDisposable
{
    private readonly IEventProjection[] _projections = projections.ToArray();
    private readonly SemaphoreSlim _running = new(1, 1);

    /// <summary>
    /// Returns once the read model holds <paramref name="block"/> (a write's workflow moves on only then): runs the indexer
    /// itself rather than wait for the timer, one run at a time in this process, until the block is indexed.
    /// </summary>
    public async Task<BigInteger> EnsureIndexedAsync(BigInteger block, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (await progress.GetLastBlockNumberProcessedAsync() is { } done && done >= block)
            {
                return done;
            }

            await _running.WaitAsync(cancellationToken);
            try
            {
                if (await progress.GetLastBlockNumberProcessedAsync() is not { } indexed || indexed < block)
                {
                    await RunCoreAsync(cancellationToken);
                }
            }
            finally
            {
                _running.Release();
            }

            if (await progress.GetLastBlockNumberProcessedAsync() is not { } now || now < block)
            {
                // Not confirmed deep enough yet.
                await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
            }
        }
    }

    public void Dispose() => _running.Dispose();

    /// <summary>Indexes what is confirmed now; returns the last block indexed (null when nothing is yet).</summary>
    public async Task<BigInteger?> RunOnceAsync(CancellationToken cancellationToken)
    {
        await _running.WaitAsync(cancellationToken);
        try
        {
            return await RunCoreAsync(cancellationToken);
        }
        finally
        {
            _running.Release();
        }
    }

    private async Task<BigInteger?> RunCoreAsync(CancellationToken cancellationToken)
    {
        await journal.CreateIfNotExistsAsync(cancellationToken);
        await progress.CreateIfNotExistsAsync(cancellationToken);
        await RecoverFromReorgAsync(cancellationToken);

        var head = (await web3.Eth.Blocks.GetBlockNumber.SendRequestAsync()).Value;
        var target = head - options.Confirmations;
        var last = await progress.GetLastBlockNumberProcessedAsync();
        if (target < manifest.FirstBlock || (last is { } done && done >= target))
        {
            return last;
        }

        var pending = new List<FilterLog>();
        var processor = web3.Processing.Logs.CreateProcessor(
            [new ProcessorHandler<FilterLog>(l => { pending.Add(l); return Task.CompletedTask; })],
            minimumBlockConfirmations: options.Confirmations,
            filter: new NewFilterInput { Address = manifest.Contracts.Values.ToArray() },
            blockProgressRepository: new FlushBeforeProgress(progress, () => FlushAsync(pending, cancellationToken)),
            defaultNumberOfBlocksPerRequest: options.BlocksPerRequest);
        await processor.ExecuteAsync(target, cancellationToken, startAtBlockNumberIfNotProcessed: manifest.FirstBlock);
        return await progress.GetLastBlockNumberProcessedAsync();
    }

    /// <summary>Journal first, then the projections in chain order: a crash after the journal replays the same logs.</summary>
    private async Task FlushAsync(List<FilterLog> pending, CancellationToken cancellationToken)
    {
        if (pending.Count == 0)
        {
            return;
        }

        await journal.AppendAsync(pending, cancellationToken);
        foreach (var log in pending.OrderBy(l => l.BlockNumber.Value).ThenBy(l => l.LogIndex.Value))
        {
            await ProjectAsync(log, cancellationToken);
        }

        pending.Clear();
    }

    private async Task ProjectAsync(FilterLog log, CancellationToken cancellationToken)
    {
        DecodedEvent? decoded;
        try
        {
            decoded = events.Decode(log);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // One log the ABIs cannot read must not stop the indexer; it stays in the journal.
            LogUndecodable(log.TransactionHash, (long)log.LogIndex.Value, ex);
            return;
        }

        if (decoded is null)
        {
            return;
        }

        foreach (var projection in _projections)
        {
            await projection.ApplyAsync(decoded, cancellationToken);
        }
    }

    /// <summary>Finds the newest indexed block whose hash is still the chain's; if that is not the last one, rewinds to it.</summary>
    private async Task RecoverFromReorgAsync(CancellationToken cancellationToken)
    {
        var points = await progress.RecentAsync(cancellationToken);
        if (points.Count == 0)
        {
            return;
        }

        BigInteger? forkPoint = null;
        foreach (var (block, hash) in points)
        {
            var canonical = await web3.Eth.Blocks.GetBlockWithTransactionsHashesByNumber.SendRequestAsync(new HexBigInteger(block));
            if (canonical is not null && string.Equals(canonical.BlockHash, hash, StringComparison.OrdinalIgnoreCase))
            {
                forkPoint = block;
                break;
            }
        }

        if (forkPoint == points[0].Block)
        {
            return;
        }

        var retracted = await journal.RetractAfterAsync(forkPoint ?? manifest.FirstBlock - 1, cancellationToken);
        await progress.RewindAsync(forkPoint, cancellationToken);
        LogReorg(points[0].Block, forkPoint?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "before the deployment", retracted);
        foreach (var projection in _projections)
        {
            await projection.ResetAsync(cancellationToken);
        }

        await foreach (var log in journal.ReadAllAsync(cancellationToken))
        {
            await ProjectAsync(log, cancellationToken);
        }
    }

    [LoggerMessage(LogLevel.Error, "Log {TransactionHash}#{LogIndex} matches a contract event but does not decode")]
    private partial void LogUndecodable(string transactionHash, long logIndex, Exception exception);

    [LoggerMessage(LogLevel.Warning, "Reorg: block {Last} is no longer canonical; rewound to {ForkPoint}, retracted {Retracted} logs and rebuilt the read model")]
    private partial void LogReorg(BigInteger last, string forkPoint, int retracted);
}
