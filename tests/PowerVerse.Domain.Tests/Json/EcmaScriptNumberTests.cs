using PowerVerse.Domain.Json;

namespace PowerVerse.Domain.Tests.Json;

public sealed class EcmaScriptNumberTests
{
    // RFC 8785 Appendix B's table (IEEE 754 bits → ECMAScript text), and the plain/exponent boundaries of ECMA-262 §6.1.6.1.20.
    [Theory]
    [InlineData(0x0000000000000000UL, "0")]
    [InlineData(0x8000000000000000UL, "0")]
    [InlineData(0x0000000000000001UL, "5e-324")]
    [InlineData(0x8000000000000001UL, "-5e-324")]
    [InlineData(0x7fefffffffffffffUL, "1.7976931348623157e+308")]
    [InlineData(0xffefffffffffffffUL, "-1.7976931348623157e+308")]
    [InlineData(0x4340000000000000UL, "9007199254740992")]
    [InlineData(0xc340000000000000UL, "-9007199254740992")]
    [InlineData(0x4430000000000000UL, "295147905179352830000")]
    [InlineData(0x44b52d02c7e14af5UL, "9.999999999999997e+22")]
    [InlineData(0x44b52d02c7e14af6UL, "1e+23")]
    [InlineData(0x44b52d02c7e14af7UL, "1.0000000000000001e+23")]
    [InlineData(0x444b1ae4d6e2ef4eUL, "999999999999999700000")]
    [InlineData(0x444b1ae4d6e2ef4fUL, "999999999999999900000")]
    [InlineData(0x444b1ae4d6e2ef50UL, "1e+21")]
    [InlineData(0x3eb0c6f7a0b5ed8cUL, "9.999999999999997e-7")]
    [InlineData(0x3eb0c6f7a0b5ed8dUL, "0.000001")]
    [InlineData(0x41b3de4355555553UL, "333333333.3333332")]
    [InlineData(0x41b3de4355555554UL, "333333333.33333325")]
    [InlineData(0x41b3de4355555555UL, "333333333.3333333")]
    [InlineData(0x41b3de4355555556UL, "333333333.3333334")]
    [InlineData(0x41b3de4355555557UL, "333333333.33333343")]
    [InlineData(0xbecbf647612f3696UL, "-0.0000033333333333333333")]
    [InlineData(0x43143ff3c1cb0959UL, "1424953923781206.2")]
    public void Format_Rfc8785AppendixB_MatchesTheTable(ulong bits, string expected)
    {
        Assert.Equal(expected, EcmaScriptNumber.Format(BitConverter.UInt64BitsToDouble(bits)));
    }

    [Theory]
    [InlineData(1e21, "1e+21")]
    [InlineData(1e20, "100000000000000000000")]
    [InlineData(1e-7, "1e-7")]
    [InlineData(0.1, "0.1")]
    [InlineData(-1.5, "-1.5")]
    [InlineData(22, "22")]
    public void Format_Boundaries_AsEcmaScript(double value, string expected)
    {
        Assert.Equal(expected, EcmaScriptNumber.Format(value));
    }

    [Fact]
    public void Format_NaN_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => EcmaScriptNumber.Format(double.NaN));
    }
}
