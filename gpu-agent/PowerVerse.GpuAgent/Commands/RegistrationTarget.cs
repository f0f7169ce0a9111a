using System.Globalization;
using System.Numerics;
using PowerVerse.GpuAgent.Agent;
using PowerVerse.GpuAgent.Signing;

namespace PowerVerse.GpuAgent.Commands;

/// <summary>Whose registration the agent attests, and on which chain's HardwareRegistry (<c>init --owner --chain-id --hardware-registry</c>).</summary>
internal sealed record RegistrationTarget(string Owner, BigInteger ChainId, string HardwareRegistry)
{
    /// <summary>The target from the options; null when none of them is given; all three or none.</summary>
    /// <exception cref="AgentConfigurationException">Only some are given, or one is malformed.</exception>
    public static RegistrationTarget? From(AgentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var (owner, chain, registry) = (options.Get("owner"), options.Get("chain-id"), options.Get("hardware-registry"));
        if (owner is null && chain is null && registry is null)
        {
            return null;
        }

        if (owner is null || chain is null || registry is null)
        {
            throw new AgentConfigurationException("--owner, --chain-id and --hardware-registry go together: the attestation is for one owner on one registry.");
        }

        return new RegistrationTarget(
            AgentAddress.TryNormalize(owner, out var ownerAddress) ? ownerAddress : throw new AgentConfigurationException($"--owner '{owner}' is not an address."),
            BigInteger.TryParse(chain, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 ? id : throw new AgentConfigurationException($"--chain-id '{chain}' is not a chain id."),
            AgentAddress.TryNormalize(registry, out var registryAddress) ? registryAddress : throw new AgentConfigurationException($"--hardware-registry '{registry}' is not an address."));
    }
}
