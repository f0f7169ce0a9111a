namespace PowerVerse.Views;

/// <summary>
/// A write's body, for the OpenAPI document: OpenZeppelin's ForwardRequestData with numbers as decimal strings and bytes
/// as 0x hex; <c>SshPublicKey</c> only on a purchase.
/// </summary>
public sealed record WriteBodyView(string From, string To, string Value, string Gas, string Deadline, string Data, string Signature, string? SshPublicKey);
