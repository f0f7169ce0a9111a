using System.Numerics;
using System.Reflection;
using PowerVerse.Ethereum.Abi;
using PowerVerse.Ethereum.Contracts;
using PowerVerse.Ethereum.Contracts.Bindings;
using PowerVerse.Ethereum.Crypto;
using PowerVerse.Ethereum.Tests.Support;

namespace PowerVerse.Ethereum.Tests.Contracts;

/// <summary>
/// The generated bindings of the PowerVerse contracts: consistent with the ABIs exported by contracts/, and
/// (PowerForwarder, an ERC2771Forwarder) working against a deployed forwarder. User #4, relayer #5.
/// </summary>
public sealed class GeneratedBindingTests
{
    private const int User = 4;
    private const int Relayer = 5;

    public static TheoryData<string> Bindings() => new(BindingTypes().Select(t => t.Name));

    [Theory]
    [MemberData(nameof(Bindings))]
    public void Signatures_OfEachTypedMethod_ExistInTheCurrentAbi(string binding)
    {
        var type = BindingTypes().Single(t => t.Name == binding);
        var abi = (ContractAbi)type.GetProperty("Abi")!.GetValue(null)!;
        var signatures = (IReadOnlyList<string>)type.GetProperty("Signatures")!.GetValue(null)!;

        Assert.NotEmpty(signatures);
        Assert.All(signatures, s => Assert.Contains(s, abi.Functions.Select(f => f.Signature)));
    }

    [Fact]
    public void Bindings_CoverEveryExportedAbi()
    {
        var exported = Directory.GetFiles(Path.Combine(PowerVerse.Testing.RepoPaths.Root, "contracts", "abi"), "*.json").Select(Path.GetFileNameWithoutExtension);

        Assert.Subset(BindingTypes().Select(t => t.Name[..^"Binding".Length]).ToHashSet(), exported.ToHashSet()!);
    }

    [Fact]
    public async Task PowerForwarderBinding_AgainstDeployedForwarder_ReadsVerifiesAndRelays()
    {
        var chain = await Chain.Shared;
        var user = EthereumKey.Parse(TestData.PrivateKey(User));
        using var relayer = chain.Sender(Relayer);
        var forwarder = new PowerForwarderBinding(chain.Eth, chain.ForwarderAddress);

        var domain = await forwarder.Eip712DomainAsync();
        var nonce = await forwarder.NoncesAsync(user.Address);
        var request = new ForwardRequest
        {
            From = user.Address,
            To = chain.MarketAddress,
            Gas = 200_000,
            Nonce = nonce,
            Deadline = (ulong)DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds(),
            Data = chain.Market.EncodeCall("list", 501, 1, "typed"),
        };
        var signed = request.Sign(user, new ForwarderDomain(domain.Name, domain.ChainId, domain.VerifyingContract));
        var data = PowerForwarderBinding.ForwardRequestData.FromValues(signed.ToTuple().Select(v => v is ulong u ? (object)new BigInteger(u) : v).ToArray());

        Assert.Equal(Chain.ForwarderName, domain.Name);
        Assert.Equal("1", domain.Version);
        Assert.Equal(new BigInteger(31337), domain.ChainId);
        Assert.Equal(chain.ForwarderAddress, domain.VerifyingContract);
        Assert.True(await forwarder.VerifyAsync(data));
        Assert.Equal(ForwarderBinding.EncodeExecute(signed), PowerForwarderBinding.EncodeExecute(data));
        var receipt = await relayer.WaitForConfirmationsAsync(await forwarder.ExecuteAsync(relayer, data, 0));
        Assert.True(receipt.Succeeded);
        var executed = Assert.Single(forwarder.DecodeExecutedForwardRequestEvents(receipt));
        Assert.Equal(new PowerForwarderBinding.ExecutedForwardRequestEvent(user.Address, nonce, true), executed);
        var found = await forwarder.GetExecutedForwardRequestEventsAsync(receipt.BlockNumber, receipt.BlockNumber, [user.Address]);
        Assert.Equal(receipt.TransactionHash, Assert.Single(found).Log.TransactionHash);
        Assert.Equal(nonce + 1, await forwarder.NoncesAsync(user.Address));
        Assert.Equal(user.Address, (await chain.Market.CallAsync("listing", [501]))[0]);
    }

    private static IEnumerable<Type> BindingTypes() =>
        typeof(PowerForwarderBinding).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(PowerForwarderBinding).Namespace && t.IsPublic && t.Name.EndsWith("Binding", StringComparison.Ordinal))
            .OrderBy(t => t.Name, StringComparer.Ordinal);
}
