using System.Text;
using PowerVerse.GpuAgent.Keys;

namespace PowerVerse.GpuAgent.Tests.Keys;

public sealed class ScryptTests
{
    // RFC 7914 §12 test vectors 2 and 3.
    [Theory]
    [InlineData("password", "NaCl", 1024, 8, 16, "fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b3731622eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640")]
    [InlineData("pleaseletmein", "SodiumChloride", 16384, 8, 1, "7023bdcb3afd7348461c06cd81fd38ebfda8fbba904f8e3ea9b543f6545da1f2d5432955613f0fcf62d49705242a9af9e61e85dc0d651e40dfcf017b45575887")]
    public void Derive_Rfc7914Vectors_MatchesPublishedKeys(string password, string salt, int n, int r, int p, string expected)
    {
        var key = Scrypt.Derive(Encoding.ASCII.GetBytes(password), Encoding.ASCII.GetBytes(salt), n, r, p, 64);
        Assert.Equal(expected, Convert.ToHexStringLower(key));
    }
}
