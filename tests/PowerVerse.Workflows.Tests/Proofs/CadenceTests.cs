using System.Globalization;
using System.Numerics;
using System.Text.RegularExpressions;
using PowerVerse.Chain.Contracts;
using PowerVerse.Workflows.Tests.Support;
using Xunit.Abstractions;

namespace PowerVerse.Workflows.Tests.Proofs;

/// <summary>
/// The platform's proof cadence (DESIGN §2): every listed or rented resource is challenged by the challenger once per
/// the DAO's challenge cooldown. Two hosts run the cadence at once and start each proof once; the stack's own host keeps
/// it off (<c>Proofs:Cadence=0</c>).
/// </summary>
[Collection(ProofStackTests.Name)]
public sealed partial class CadenceTests(LocalStack stack, ITestOutputHelper output)
{
    [Fact]
    public async Task ListedResource_ChallengedOncePerDaoCooldown_ByOneOfTwoHosts()
    {
        var steps = new ProofSteps(stack, output);
        var writes = new WriteRunner(stack, output);
        var market = new MarketSteps(stack, writes);
        var provider = new Wallet(stack, 6);

        // Two more hosts with the cadence at the DAO's cooldown (the setting empty: no override), started while the
        // resource is listed.
        var cadence = new Dictionary<string, string> { ["Proofs__Cadence"] = string.Empty };
        var hosts = Task.WhenAll(stack.StartHostAsync(cadence), stack.StartHostAsync(cadence));
        var hid = await market.RegisterStakedHardwareAsync(provider);
        var vid = await market.CreateResourceAsync(provider, hid);
        var uid = await market.CreateUsageRightAsync(provider, vid, 3_600);
        await writes.CompleteAsync(await provider.Writes.ListWithRevenueRightsAsync(uid, market.Token("TestStablecoin"), 120 * MarketSteps.Usd, [(provider.Address, 1_000)]));
        var cadenceHosts = await hosts;
        try
        {
            // Never challenged by the platform: due at once. The proof that follows "no challenge" is cadence-<vid>-0.
            var first = await steps.CompletedAsync(FormattableString.Invariant($"cadence-{vid}-0"));
            Assert.Equal(("Proof", "verified"), (first.Workflow.Name, first.Outcome));
            var challenge = await steps.ChallengeAsync(first.ChallengeId);
            Assert.True(ApiJson.SameAddress(ProofSteps.Challenger, challenge.Requester));
            Assert.Equal(vid, challenge.Vid);

            // Past the DAO's cooldown (600 s) the next one follows the first, not before; from one host only.
            await stack.Clock.AdvanceAsync(601);
            var second = await steps.CompletedAsync(FormattableString.Invariant($"cadence-{vid}-{first.ChallengeId}"));
            Assert.Equal("verified", second.Outcome);
            Assert.True((await steps.ChallengeAsync(second.ChallengeId)).RequestedAt >= challenge.RequestedAt + 600);
            Assert.Equal(new[] { first.ChallengeId, second.ChallengeId }, await PlatformChallengesAsync(steps, vid));
        }
        finally
        {
            // Every proof the cadence hosts started (on other listed or rented resources too) ends before the next test.
            var started = cadenceHosts.SelectMany(h => Started().Matches(h.Output).Select(m => m.Value)).Distinct().ToList();
            foreach (var host in cadenceHosts)
            {
                await stack.StopHostAsync(host);
            }

            foreach (var id in started)
            {
                await steps.CompletedAsync(id);
            }
        }
    }

    /// <summary>The challenges the challenger requested of the VID, in order.</summary>
    private async Task<BigInteger[]> PlatformChallengesAsync(ProofSteps steps, BigInteger vid)
    {
        var found = new List<BigInteger>();
        var count = await steps.ChallengeCountAsync();
        for (var id = BigInteger.One; id <= count; id++)
        {
            var challenge = await steps.ChallengeAsync(id);
            if (challenge.Vid == vid && ApiJson.SameAddress(ProofSteps.Challenger, challenge.Requester))
            {
                found.Add(id);
            }
        }

        output.WriteLine($"platform challenges of VID {vid}: {string.Join(", ", found.Select(f => f.ToString(CultureInfo.InvariantCulture)))}");
        return [.. found];
    }

    [GeneratedRegex("cadence-[0-9]+-[0-9]+")]
    private static partial Regex Started();
}
