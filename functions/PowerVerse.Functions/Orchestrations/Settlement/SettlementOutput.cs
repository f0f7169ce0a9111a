using System.Text.Json.Serialization;

namespace PowerVerse.Functions.Orchestrations.Settlement;

/// <summary>
/// What a finished settlement shows as its workflow's output: the order, the proven downtime inside its rental and the
/// missed challenges it was computed from (the refund's reason commits to them), and what the refund and the
/// settlement did on chain.
/// </summary>
public sealed record SettlementOutput(
    [property: JsonPropertyName("uid")] string Uid,
    [property: JsonPropertyName("vid")] string Vid,
    [property: JsonPropertyName("start")] long Start,
    [property: JsonPropertyName("end")] long End,
    [property: JsonPropertyName("downtimeSeconds")] long DowntimeSeconds,
    [property: JsonPropertyName("missedChallenges")] IReadOnlyList<string> MissedChallenges,
    [property: JsonPropertyName("refund")] RefundOutcome Refund,
    [property: JsonPropertyName("settlement")] SettleOutcome Settlement);

/// <summary>
/// The SLA refund: <c>none</c> (no proven downtime, or the order was found settled before it was measured), <c>refunded</c> (by this workflow), <c>already-refunded</c> (the
/// order's refund was made before, outside this workflow's journal) or <c>forfeited</c> (the order was settled before a
/// refund could be made: after the dispute window anyone may settle). Amount in the token's smallest unit, decimal.
/// </summary>
public sealed record RefundOutcome(
    [property: JsonPropertyName("outcome")] string Outcome,
    [property: JsonPropertyName("amount")] string Amount,
    [property: JsonPropertyName("reason")] string? Reason,
    [property: JsonPropertyName("transactionHash")] string? TransactionHash,
    [property: JsonPropertyName("block")] long Block)
{
    public const string None = "none";
    public const string Refunded = "refunded";
    public const string AlreadyRefunded = "already-refunded";
    public const string Forfeited = "forfeited";
}

/// <summary>
/// The settlement: <c>settled</c> (by this workflow, with the fee, the part of it burned and the RID holders' income)
/// or <c>already-settled</c> (by another account once the dispute window was over; see the order's <c>Settled</c> event).
/// </summary>
public sealed record SettleOutcome(
    [property: JsonPropertyName("outcome")] string Outcome,
    [property: JsonPropertyName("fee")] string? Fee,
    [property: JsonPropertyName("burned")] string? Burned,
    [property: JsonPropertyName("income")] string? Income,
    [property: JsonPropertyName("transactionHash")] string? TransactionHash,
    [property: JsonPropertyName("block")] long Block)
{
    public const string Settled = "settled";
    public const string AlreadySettled = "already-settled";
}
