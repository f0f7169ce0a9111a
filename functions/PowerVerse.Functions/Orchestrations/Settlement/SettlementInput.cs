using System.Globalization;
using System.Numerics;
using System.Text.Json.Serialization;

namespace PowerVerse.Functions.Orchestrations.Settlement;

/// <summary>
/// An escrowed order to settle, as the chain holds it: the UID (decimal), its VID, and the rental's start and end
/// (unix seconds of the chain). An order is the UID's sale that started at <paramref name="Start"/>.
/// </summary>
public sealed record SettlementInput(
    [property: JsonPropertyName("uid")] string Uid,
    [property: JsonPropertyName("vid")] string Vid,
    [property: JsonPropertyName("start")] long Start,
    [property: JsonPropertyName("end")] long End)
{
    /// <summary>The settlement workflow's instance id, <c>settle-&lt;uid&gt;-&lt;start&gt;</c>: one per order, whoever starts it.</summary>
    [JsonIgnore]
    public string InstanceId => Id(UidNumber, Start);

    [JsonIgnore]
    public BigInteger UidNumber => BigInteger.Parse(Uid, CultureInfo.InvariantCulture);

    [JsonIgnore]
    public BigInteger VidNumber => BigInteger.Parse(Vid, CultureInfo.InvariantCulture);

    /// <summary>Idempotency key of the order's SLA refund (the challenger's journal).</summary>
    [JsonIgnore]
    public string RefundKey => string.Create(CultureInfo.InvariantCulture, $"refund-{Uid}-{Start}");

    /// <summary>Idempotency key of the order's settlement (the challenger's journal).</summary>
    [JsonIgnore]
    public string SettleKey => string.Create(CultureInfo.InvariantCulture, $"settle-{Uid}-{Start}");

    public static string Id(BigInteger uid, long start) => string.Create(CultureInfo.InvariantCulture, $"settle-{uid}-{start}");
}
