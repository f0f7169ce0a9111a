using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace PowerVerse.Chain.Contracts;

// Beside HardwareRegistryViews: ContractSurfaceTests checks it against contracts/abi.

/// <summary><c>HardwareRegistry.count()</c>: the number of HIDs ever registered (ids are 1..count).</summary>
[Function("count", "uint256")]
public sealed class HardwareCountFunction : FunctionMessage
{
}
