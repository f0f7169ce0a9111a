using System.Text;
using PowerVerse.Functions.Http.Api;
using PowerVerse.Functions.Writes;

namespace PowerVerse.Functions.Tests.Writes;

public sealed class WriteBodyTests
{
    private const string Address = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";

    private static string Body(string? extra = null, string value = "\"0\"", string deadline = "\"1764390000\"", string data = "\"0x12345678\"") =>
        $$"""{"from":"{{Address}}","to":"{{Address}}","value":{{value}},"gas":"500000","deadline":{{deadline}},"data":{{data}},"signature":"0x{{new string('a', 130)}}"{{extra}}}""";

    [Fact]
    public void Parse_WellFormedBody_ReadsEveryMember()
    {
        var (request, ssh) = WriteBody.Parse(Encoding.UTF8.GetBytes(Body()), allowsSshKey: false);

        Assert.Equal(Address, request.From);
        Assert.Equal(500_000, (long)request.Gas);
        Assert.Equal(1_764_390_000UL, request.Deadline);
        Assert.Equal([0x12, 0x34, 0x56, 0x78], request.Data);
        Assert.Equal(65, request.Signature.Length);
        Assert.Null(ssh);
    }

    [Fact]
    public void Parse_JsonIntegers_AreAcceptedForNumbers()
    {
        var (request, _) = WriteBody.Parse(Encoding.UTF8.GetBytes(Body(value: "0", deadline: "1764390000")), allowsSshKey: false);

        Assert.Equal(1_764_390_000UL, request.Deadline);
    }

    [Fact]
    public void Parse_SshKeyOnAPurchase_IsKept()
    {
        var (_, ssh) = WriteBody.Parse(Encoding.UTF8.GetBytes(Body(",\"sshPublicKey\":\"ssh-ed25519 AAAAC3Nza me@box\"")), allowsSshKey: true);

        Assert.Equal("ssh-ed25519 AAAAC3Nza me@box", ssh);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("{}")]
    [InlineData("{\"from\":1}")]
    public void Parse_NotTheRequestObject_IsMalformed(string body) =>
        AssertProblem(Problems.MalformedRequest, body, allowsSshKey: false);

    [Theory]
    [InlineData(",\"extra\":1", false)]
    [InlineData(",\"sshPublicKey\":\"ssh-ed25519 AAAA\"", false)]
    [InlineData(",\"sshPublicKey\":\"rm -rf /\"", true)]
    [InlineData(",\"sshPublicKey\":7", true)]
    public void Parse_MembersBeyondTheRequest_AreMalformed(string extra, bool allowsSshKey) =>
        AssertProblem(Problems.MalformedRequest, Body(extra), allowsSshKey);

    [Theory]
    [InlineData("\"1\"", "\"1764390000\"", "\"0x12\"")]
    [InlineData("\"-1\"", "\"1764390000\"", "\"0x12\"")]
    [InlineData("\"0\"", "\"281474976710656\"", "\"0x12\"")]
    [InlineData("\"0\"", "1.5", "\"0x12\"")]
    [InlineData("\"0\"", "\"1764390000\"", "\"0x123\"")]
    [InlineData("\"0\"", "\"1764390000\"", "\"12\"")]
    [InlineData("\"0\"", "\"1764390000\"", "\"0xzz\"")]
    public void Parse_BadValues_AreMalformed(string value, string deadline, string data) =>
        AssertProblem(Problems.MalformedRequest, Body(value: value, deadline: deadline, data: data), allowsSshKey: false);

    [Fact]
    public async Task ReadAsync_BodyOver64KiB_IsTooLarge()
    {
        var context = new Microsoft.AspNetCore.Http.DefaultHttpContext();
        context.Request.Body = new MemoryStream(new byte[WriteBody.MaxBytes + 1]);

        var problem = await Assert.ThrowsAsync<ApiProblemException>(() => WriteBody.ReadAsync(context.Request, allowsSshKey: false, CancellationToken.None));

        Assert.Equal(Problems.RequestTooLarge, problem.Type);
    }

    private static void AssertProblem(ProblemType expected, string body, bool allowsSshKey)
    {
        var problem = Assert.Throws<ApiProblemException>(() => WriteBody.Parse(Encoding.UTF8.GetBytes(body), allowsSshKey));
        Assert.Equal(expected, problem.Type);
    }
}
