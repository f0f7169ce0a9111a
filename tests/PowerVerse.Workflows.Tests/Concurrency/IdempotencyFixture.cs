using System.Numerics;
using PowerVerse.Workflows.Tests.Support;

namespace PowerVerse.Workflows.Tests.Concurrency;

/// <summary>A local stack of its own for <see cref="IdempotencyTests"/>, with four UIDs listed at 1 tUSD by Hardhat #4 (one per test).</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "The local stack of ./pv up, not a Stack<T>.")]
public sealed class IdempotencyFixture : LocalStack
{
    public IReadOnlyList<BigInteger> Listings { get; private set; } = [];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var provider = new Wallet(this, 4);
        var device = await Agent.AttestAsync(provider.Address, $"GPU-{Guid.NewGuid()}", Manifest["HardwareRegistry"]);
        Listings = await DirectListings.ListAsync(this, provider, device, 4, 1_000);
    }
}
