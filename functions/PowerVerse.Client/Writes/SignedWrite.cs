using System.Numerics;
using System.Text.Json;
using System.Text.Json.Serialization;
using PowerVerse.Chain.Forwarding;

namespace PowerVerse.Client.Writes;

/// <summary>
/// The body of a write: OpenZeppelin's ForwardRequestData as the API takes it (DESIGN §4) —
/// <c>{"from","to","value","gas","deadline","data","signature"}</c>, numbers as decimal strings, bytes as 0x hex —
/// and, for a purchase only, the buyer's <c>sshPublicKey</c> for the agent's grant.
/// </summary>
[JsonConverter(typeof(SignedWriteJsonConverter))]
public sealed record SignedWrite(
    string From, string To, BigInteger Value, BigInteger Gas, ulong Deadline, byte[] Data, byte[] Signature, string? SshPublicKey = null)
{
    /// <summary>The body for a request signed with <see cref="ForwardRequestSigner.Sign"/>.</summary>
    public static SignedWrite Of(ForwardRequestData data, string? sshPublicKey = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        return new SignedWrite(data.From, data.To, data.Value, data.Gas, data.Deadline, data.Data, data.Signature, sshPublicKey);
    }

    /// <summary>What the relayer hands to the forwarder's <c>execute</c>.</summary>
    public ForwardRequestData ToForwardRequestData() => new()
    {
        From = From,
        To = To,
        Value = Value,
        Gas = Gas,
        Deadline = Deadline,
        Data = Data,
        Signature = Signature,
    };

    public string ToJson() => JsonSerializer.Serialize(this);

    /// <exception cref="JsonException">Not a signed write in the API's form.</exception>
    public static SignedWrite Parse(string json) =>
        JsonSerializer.Deserialize<SignedWrite>(json) ?? throw new JsonException("A signed write is a JSON object, not null.");
}
