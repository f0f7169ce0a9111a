using System.Numerics;
using System.Text.Json.Nodes;
using Nethereum.Contracts;
using Nethereum.Signer;
using PowerVerse.Chain.Contracts;
using PowerVerse.Client.Writes;
using PowerVerse.Workflows.Tests.Support;

namespace PowerVerse.Workflows.Tests.BadInput;

/// <summary>
/// Generates bad writes from a seeded <see cref="Random"/>, so a seed names one reproducible set: every kind of wrong
/// of the brief many times, each over random routes, signers, ids and amounts, with the answer the write API's spec
/// (its problem table) gives it. Each write is wrong in one way only, on a call its signer could otherwise make (a
/// revenue claim excepted: nothing has income to claim), so the expected problem is unambiguous.
/// </summary>
internal sealed partial class BadWriteGenerator(BadInputWorld world, Random random)
{
    private const string SshKey = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIPowerVerseBadInputTestsKey pv@test";
    private const string Reverted = "call-reverted";
    private static readonly string[] Members = ["from", "to", "value", "gas", "deadline", "data", "signature"];
    private readonly Dictionary<string, int> _turns = [];

    /// <summary>How many writes of each kind.</summary>
    public IReadOnlyList<(string Kind, int Count, Func<BadWrite> Make)> Plan =>
    [
        ("malformed-json", 70, Malformed),
        ("oversized-body", 12, Oversized),
        ("wrong-route", 24, WrongRoute),
        ("undecodable-calldata", 18, Undecodable),
        ("foreign-target", 20, ForeignTarget),
        ("bad-signature", 33, BadSignature),
        ("someone-elses-signature", 14, SomeoneElsesSignature),
        ("expired-deadline", 14, Expired),
        ("replayed-nonce", 20, ReplayedNonce),
        ("invalid-attestation", 14, InvalidAttestation),
        ("someone-elses-asset", 21, SomeoneElsesAsset),
        ("listing-not-active", 10, NotActive),
        ("changed-price", 14, ChangedPrice),
        ("unknown-id", 16, UnknownId),
        ("no-allowance", 10, NoAllowance),
        ("insufficient-balance", 8, InsufficientBalance),
        ("contract-rule", 24, ContractRule),
    ];

    /// <summary>
    /// The plan's writes in a random order, each made when it is about to be posted: it is signed at its signer's
    /// nonce of that moment (a write the API wrongly let through moves it, and must not spoil every later one).
    /// </summary>
    public IReadOnlyList<Func<BadWrite>> Schedule()
    {
        var makers = Plan.SelectMany(p => Enumerable.Repeat(p.Make, p.Count)).ToArray();
        random.Shuffle(makers);
        return makers;
    }

    /// <summary>The contract (manifest name) a route calls.</summary>
    private static string ContractOf(string route) => route switch
    {
        WriteRoutes.Hardware => "HardwareRegistry",
        WriteRoutes.Resources => "ResourceRegistry",
        WriteRoutes.UsageRights => "UsageRights",
        WriteRoutes.RevenueClaims => "RevenueRights",
        _ => "ComputeMarket",
    };

    /// <summary>
    /// A call of the route's action and the party that may make it: it would succeed (but for a claim, which has no
    /// income to claim), so a write built on it is wrong only in what the generator breaks.
    /// </summary>
    private (EthECKey Signer, FunctionMessage Call) ValidCall(string route) => route switch
    {
        WriteRoutes.Hardware => (world.Provider, Register(world.FreshDevice)),
        WriteRoutes.Resources => (world.Provider, new CreateResourceFunction { Hid = world.Hid, GpuShareBps = (ushort)random.Next(1, world.FreeShareBps + 1), Vcpus = 1, MemoryMiB = 1_024, DiskGiB = 10 }),
        WriteRoutes.UsageRights => (world.Provider, new CreateUsageRightFunction { Vid = world.FreeVid, Duration = (uint)random.Next(60, 86_400) }),
        WriteRoutes.Listings => (world.Provider, new ListFunction { Uid = world.ListedUid, Token = world.Tusd, Price = world.Price }),
        WriteRoutes.Purchases => (world.Approved, new BuyFunction { Uid = world.ListedUid, Token = world.Tusd, Price = world.Price }),
        WriteRoutes.RevenueClaims => (world.Investor, new ClaimIncomeFunction { Vid = world.Vid, Token = world.Tusd }),
        WriteRoutes.RevenueListings => (world.Investor, new ListSharesFunction { Vid = world.Vid, Amount = random.Next(1, (int)world.InvestorFreeShares + 1), Token = world.Tusd, UnitPrice = MarketSteps.Usd }),
        _ => (world.Approved, new BuySharesFunction { ListingId = world.ShareListing, Amount = random.Next(1, (int)world.ShareRemaining + 1), Token = world.Tusd, UnitPrice = world.ShareUnitPrice }),
    };

    private static RegisterHardwareFunction Register(DeviceAttestation device) => new()
    {
        GpuModel = MarketSteps.H200, DeviceHash = device.DeviceHash, Agent = device.Agent, Vcpus = 32, MemoryMiB = 131_072, Attestation = device.Attestation,
    };

    /// <summary>
    /// The body of <paramref name="call"/> from <paramref name="from"/> to <paramref name="to"/> (default: the route's
    /// contract), signed by <paramref name="by"/> (default: from) at <paramref name="nonce"/> (default: from's current
    /// one); a purchase carries an SSH key half the time.
    /// </summary>
    private JsonObject Signed(string route, EthECKey from, FunctionMessage call, string? to = null, BigInteger? nonce = null, ulong? deadline = null, EthECKey? by = null)
    {
        var request = world.Forge.Sign(by ?? from, from.GetPublicAddress(), to ?? world.Manifest[ContractOf(route)], call, nonce ?? world.NonceOf(from), deadline);
        return RequestForge.Body(request, route == WriteRoutes.Purchases && random.Next(2) == 0 ? SshKey : null);
    }

    /// <summary>As below, for a <see cref="ValidCall"/>.</summary>
    private JsonObject Signed(string route, (EthECKey From, FunctionMessage Call) valid, string? to = null, BigInteger? nonce = null, ulong? deadline = null, EthECKey? by = null) =>
        Signed(route, valid.From, valid.Call, to, nonce, deadline, by);

    private static BadWrite Write(string kind, string variant, string route, JsonNode body, int status, string slug, string? error = null) =>
        new(kind, variant, route, RequestForge.Utf8(body), status, slug, error);

    private BadWrite Revert(string kind, string variant, string route, EthECKey from, FunctionMessage call, string error) =>
        Write(kind, variant, route, Signed(route, from, call), 422, Reverted, error);

    private string AnyRoute() => Pick(WriteRoutes.All);

    private EthECKey AnyOf(params EthECKey[] keys) => Pick(keys);

    /// <summary>The next of a kind's <paramref name="variants"/>, in turn: each kind's writes cover all its variants.</summary>
    private int Turn(string kind, int variants)
    {
        var turn = _turns.GetValueOrDefault(kind);
        _turns[kind] = turn + 1;
        return turn % variants;
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private BigInteger AnyUnknownId() => random.Next(4) == 0 ? (BigInteger.One << 256) - 1 : new BigInteger(random.NextInt64(100_000, 1_000_000_000_000));

    private byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }

    private static string Address(EthECKey key) => key.GetPublicAddress();
}
