using System.Numerics;

namespace PowerVerse.Chain.Transactions;

/// <summary>How <see cref="TransactionSender"/> prices, pads, waits and resubmits.</summary>
public sealed class TransactionSenderOptions
{
    /// <summary>Blocks to wait on top of the including one: 1 means included.</summary>
    public int Confirmations { get; set; } = 1;

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Not mined this long after the last (re)submission: resubmit with bumped fees.</summary>
    public TimeSpan StuckAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Fee increase per resubmission, percent (nodes require at least 10).</summary>
    public int FeeBumpPercent { get; set; } = 15;

    public BigInteger MinPriorityFeePerGas { get; set; } = 1_000_000_000;

    /// <summary>Never offer more than this per gas (null: no cap).</summary>
    public BigInteger? MaxFeePerGasCap { get; set; }

    /// <summary>Estimated gas is multiplied by this (percent) to absorb state changes between estimate and inclusion.</summary>
    public int GasLimitPaddingPercent { get; set; } = 20;
}
