using PowerVerse.Testing;

namespace PowerVerse.Packaging.Tests.Hooks;

/// <summary>What each hook test runs against: a fresh Hardhat node of its own and an empty deployments folder.</summary>
public abstract class HookChain : IAsyncLifetime
{
    private HardhatNode? _node;

    /// <summary>The folder the hook reads and writes manifests in (<c>PV_DEPLOYMENTS_DIR</c>).</summary>
    protected string Deployments { get; } = Directory.CreateTempSubdirectory("pv-hook-").FullName;

    protected HardhatNode Node => _node ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync() => _node = await HardhatNode.StartAsync();

    public async Task DisposeAsync()
    {
        if (_node is not null)
        {
            await _node.DisposeAsync();
        }

        Directory.Delete(Deployments, recursive: true);
    }
}
