namespace PowerVerse.Ethereum.Signing;

/// <summary>A member of an EIP-712 struct type: name and type (atomic, bytes/string, a struct name, or an array of them).</summary>
public sealed record TypedDataField(string Name, string Type);
