using System.Numerics;
using Nethereum.ABI.FunctionEncoding;
using Nethereum.ABI.Model;
using PowerVerse.Chain.Errors;

namespace PowerVerse.Chain.Tests.Errors;

public sealed class DecodedArgumentTests
{
    [Fact]
    public void ToString_StructArgument_ShowsItsFields()
    {
        List<ParameterOutput> allocation =
        [
            new() { Parameter = new Parameter("uint16", "gpuShareBps"), Result = (BigInteger)12_000 },
            new() { Parameter = new Parameter("uint16", "vcpus"), Result = (BigInteger)16 },
        ];

        var text = new DecodedArgument("allocated", "tuple", allocation).ToString();

        Assert.Equal("allocated=(gpuShareBps=12000, vcpus=16)", text);
    }
}
