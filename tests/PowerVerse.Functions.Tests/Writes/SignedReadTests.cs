using Microsoft.AspNetCore.Http;
using Nethereum.Signer;
using PowerVerse.Functions.Http.Api;

namespace PowerVerse.Functions.Tests.Writes;

public sealed class SignedReadTests
{
    private static readonly EthECKey Buyer = new("0x8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba");
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_764_390_000);

    private static HttpRequest Request(string? authorization)
    {
        var context = new DefaultHttpContext();
        if (authorization is not null)
        {
            context.Request.Headers.Authorization = authorization;
        }

        return context.Request;
    }

    private static string Header(EthECKey key, string uid, long at, string? address = null) =>
        $"EIP191 {address ?? key.GetPublicAddress()}:{at}:{new EthereumMessageSigner().EncodeUTF8AndSign(SignedRead.Message(uid, at), key)}";

    [Fact]
    public void Signer_NoHeader_IsNull() => Assert.Null(SignedRead.Signer(Request(null), "7", Now));

    [Fact]
    public void Signer_SignedByTheAddress_IsThatAddress() =>
        Assert.Equal(Buyer.GetPublicAddress(), SignedRead.Signer(Request(Header(Buyer, "7", Now.ToUnixTimeSeconds())), "7", Now));

    [Fact]
    public void Signer_SignedForAnotherUid_IsInvalid() =>
        AssertInvalid(Header(Buyer, "8", Now.ToUnixTimeSeconds()));

    [Fact]
    public void Signer_StaleTime_IsInvalid() =>
        AssertInvalid(Header(Buyer, "7", Now.ToUnixTimeSeconds() - 600));

    [Fact]
    public void Signer_ClaimingAnotherAddress_IsInvalid() =>
        AssertInvalid(Header(Buyer, "7", Now.ToUnixTimeSeconds(), "0x70997970C51812dc3A010C7d01b50e0d17dc79C8"));

    [Theory]
    [InlineData("Bearer abc")]
    [InlineData("EIP191 0x1234:1:0x00")]
    public void Signer_Malformed_IsInvalid(string header) => AssertInvalid(header);

    private static void AssertInvalid(string header)
    {
        var problem = Assert.Throws<ApiProblemException>(() => SignedRead.Signer(Request(header), "7", Now));
        Assert.Equal(Problems.InvalidAuthorization, problem.Type);
    }
}
