using System.Text.Json.Serialization;

namespace PowerVerse.Functions.Orchestrations.Settlement;

/// <summary>
/// Where a rental's proofs stand (<see cref="SettlementProofsActivity"/>): the order is already settled; or challenges
/// past their deadline are to be expired; or one is still running (ask again in <see cref="WaitSeconds"/>); or all have
/// finished, and this is the proven downtime with the missed challenges it comes from and the refund's reason.
/// </summary>
public sealed record RentalProofsState(
    [property: JsonPropertyName("settled")] bool Settled,
    [property: JsonPropertyName("waitSeconds")] long WaitSeconds,
    [property: JsonPropertyName("toExpire")] IReadOnlyList<string> ToExpire,
    [property: JsonPropertyName("downtimeSeconds")] long DowntimeSeconds,
    [property: JsonPropertyName("missedChallenges")] IReadOnlyList<string> MissedChallenges,
    [property: JsonPropertyName("reason")] string? Reason,
    [property: JsonPropertyName("headBlock")] long HeadBlock)
{
    public static RentalProofsState AlreadySettled(long head) => new(true, 0, [], 0, [], null, head);

    public static RentalProofsState Wait(long seconds, long head) => new(false, seconds, [], 0, [], null, head);
}
