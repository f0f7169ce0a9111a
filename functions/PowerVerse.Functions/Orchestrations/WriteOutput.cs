using System.Text.Json.Serialization;

namespace PowerVerse.Functions.Orchestrations;

/// <summary>
/// What a finished write shows as its workflow's output: the relayed transaction, the block it is in, the event that
/// says what happened with its arguments as strings (decimal numbers, 0x addresses and bytes), and for a purchase the
/// access the agent granted and its first proof.
/// </summary>
public sealed record WriteOutput(
    [property: JsonPropertyName("transactionHash")] string TransactionHash,
    [property: JsonPropertyName("block")] long Block,
    [property: JsonPropertyName("event")] string Event,
    [property: JsonPropertyName("arguments")] IReadOnlyDictionary<string, string> Arguments,
    [property: JsonPropertyName("access")] AccessEndpoint? Access = null,
    [property: JsonPropertyName("proof")] Proofs.ProofOutput? Proof = null);
