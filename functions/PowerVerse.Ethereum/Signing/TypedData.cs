namespace PowerVerse.Ethereum.Signing;

/// <summary>
/// An EIP-712 message: the struct types, the primary type, the domain values and the message values.
/// Values are CLR objects as for the ABI (integers, hex strings, <see cref="Crypto.Address"/>, byte[]),
/// structs as string-keyed dictionaries, arrays as lists.
/// </summary>
/// <param name="Types">Struct definitions by name; "EIP712Domain" is optional and derived from the domain when absent.</param>
/// <param name="PrimaryType">The struct type of <paramref name="Message"/>.</param>
/// <param name="Domain">The domain separator's values (name, version, chainId, verifyingContract, salt; any subset).</param>
/// <param name="Message">The values of the primary type.</param>
public sealed record TypedData(
    IReadOnlyDictionary<string, IReadOnlyList<TypedDataField>> Types,
    string PrimaryType,
    IReadOnlyDictionary<string, object?> Domain,
    IReadOnlyDictionary<string, object?> Message);
