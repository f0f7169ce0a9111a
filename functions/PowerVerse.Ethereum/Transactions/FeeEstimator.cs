using System.Numerics;
using PowerVerse.Ethereum.Rpc;

namespace PowerVerse.Ethereum.Transactions;

/// <summary>
/// Fees from eth_feeHistory: priority fee = median of the recent blocks' 50th-percentile rewards (at least
/// <see cref="TransactionSenderOptions.MinPriorityFeePerGas"/>); max fee = 2 × next base fee + priority fee,
/// which stays includable through six consecutive full blocks (base fee rises at most 12.5% a block, EIP-1559).
/// </summary>
public sealed class FeeEstimator(EthClient eth, TransactionSenderOptions options)
{
    private readonly EthClient _eth = eth ?? throw new ArgumentNullException(nameof(eth));
    private readonly TransactionSenderOptions _options = options ?? throw new ArgumentNullException(nameof(options));

    public async Task<Eip1559Fees> EstimateAsync(CancellationToken cancellationToken = default)
    {
        var history = await _eth.FeeHistoryAsync(_options.FeeHistoryBlocks, EthClient.Latest, [50], cancellationToken);
        var rewards = history.Reward.Where(r => r.Count > 0).Select(r => r[0]).Order().ToArray();
        var priority = rewards.Length == 0 ? BigInteger.Zero : rewards[rewards.Length / 2];
        priority = BigInteger.Max(priority, _options.MinPriorityFeePerGas);
        var maxFee = (2 * history.NextBaseFee) + priority;
        if (_options.MaxFeePerGasCap is { } cap && maxFee > cap)
        {
            maxFee = cap;
            priority = BigInteger.Min(priority, cap);
        }

        return new Eip1559Fees(maxFee, priority);
    }
}
