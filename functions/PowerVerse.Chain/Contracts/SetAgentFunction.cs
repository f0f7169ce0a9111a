using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace PowerVerse.Chain.Contracts;

/// <summary><c>HardwareRegistry.setAgent(hid, agent)</c>: the HID's owner replaces its agent key (emits <c>AgentChanged</c>).</summary>
[Function("setAgent")]
public sealed class SetAgentFunction : FunctionMessage
{
    [Parameter("uint256", "hid", 1)]
    public BigInteger Hid { get; set; }

    [Parameter("address", "agent", 2)]
    public string Agent { get; set; } = string.Empty;
}
