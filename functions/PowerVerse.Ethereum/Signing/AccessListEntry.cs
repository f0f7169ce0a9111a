using PowerVerse.Ethereum.Crypto;

namespace PowerVerse.Ethereum.Signing;

/// <summary>An EIP-2930 access list entry: an address and the storage keys (32 bytes each) pre-warmed for it.</summary>
public sealed record AccessListEntry(Address Address, IReadOnlyList<byte[]> StorageKeys);
