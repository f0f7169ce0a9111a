namespace PowerVerse.Ethereum.Abi;

/// <summary>A named input, output, event field or tuple component.</summary>
/// <param name="Name">The name in the ABI ("" when unnamed).</param>
/// <param name="Type">Its type.</param>
/// <param name="Indexed">For event inputs: whether it is a topic.</param>
public sealed record AbiParameter(string Name, AbiType Type, bool Indexed = false);
