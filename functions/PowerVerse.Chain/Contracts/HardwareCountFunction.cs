using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace PowerVerse.Functions.AgentAccess;

/// <summary><c>HardwareRegistry.count()</c>: the number of HIDs ever registered (ids are 1..count).</summary>
[Function("count", "uint256")]
internal sealed class HardwareCountFunction : FunctionMessage
{
}
