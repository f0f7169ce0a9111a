using Nethereum.ABI.ABIDeserialisation;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;
using PowerVerse.Chain.Forwarding;

namespace PowerVerse.Chain.Tests;

/// <summary>
/// Every contract function, event and error that PowerVerse.Chain declares as a Nethereum DTO exists, with the same
/// signature (and outputs), in the ABIs the contracts export (contracts/abi): a declaration drifting from the
/// contracts fails here, not on chain.
/// </summary>
public sealed class ContractSurfaceTests
{
    private static readonly Type[] Declared = typeof(ForwarderClient).Assembly.GetTypes()
        .Where(t => t.GetCustomAttributes(typeof(FunctionAttribute), false).Length > 0
            || t.GetCustomAttributes(typeof(EventAttribute), false).Length > 0
            || t.GetCustomAttributes(typeof(ErrorAttribute), false).Length > 0)
        .ToArray();

    private static readonly Lazy<Nethereum.ABI.Model.ContractABI[]> Abis = new(() =>
    {
        var deserialiser = new ABIJsonDeserialiser();
        return Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "ContractAbi"), "*.json")
            .Select(f => deserialiser.DeserialiseContract(File.ReadAllText(f)))
            .ToArray();
    });

    public static TheoryData<string> DeclaredTypes() => new(Declared.Select(t => t.FullName!));

    [Fact]
    public void Declared_SomeSurface_Found() => Assert.NotEmpty(Declared);

    [Theory]
    [MemberData(nameof(DeclaredTypes))]
    public void Declaration_MatchesContractsAbi(string typeName)
    {
        var type = Declared.Single(t => t.FullName == typeName);

        if (type.GetCustomAttributes(typeof(FunctionAttribute), false).Length > 0)
        {
            var declared = ABITypedRegistry.GetFunctionABI(type);
            var found = Abis.Value.SelectMany(a => a.Functions).Where(f => f.Sha3Signature == declared.Sha3Signature).ToList();
            Assert.True(found.Count > 0, $"{type.Name}: no function {declared.Name} with selector 0x{declared.Sha3Signature} in contracts/abi");
            Assert.Contains(found, f => Types(f.OutputParameters) == Types(declared.OutputParameters));
        }
        else if (type.GetCustomAttributes(typeof(EventAttribute), false).Length > 0)
        {
            var declared = ABITypedRegistry.GetEvent(type);
            Assert.Contains(Abis.Value.SelectMany(a => a.Events), e => e.Sha3Signature == declared.Sha3Signature);
        }
        else
        {
            var declared = ABITypedRegistry.GetError(type);
            Assert.Contains(Abis.Value.SelectMany(a => a.Errors), e => e.Sha3Signature == declared.Sha3Signature);
        }
    }

    private static string Types(Nethereum.ABI.Model.Parameter[]? parameters) =>
        string.Join(",", (parameters ?? []).Select(p => p.Type));
}
