using PowerVerse.Client.Api;

namespace PowerVerse.Workflows.Tests.Client;

public sealed class ApiProblemTests
{
    [Fact]
    public void Read_CallRevertedProblem_SlugErrorAndArguments()
    {
        var problem = ApiProblem.Read(422, """
            {"type":"https://powerverse.dev/problems/call-reverted","title":"The call would revert","status":422,"detail":"reverts",
             "instance":"/api/market/purchases","error":"ComputeMarketNotListed","arguments":{"uid":"7"}}
            """);

        Assert.Equal(("call-reverted", 422, "ComputeMarketNotListed"), (problem.Slug, problem.Status, problem.Error));
        Assert.Equal("7", problem.Arguments!["uid"]);
        Assert.Equal("http-502", ApiProblem.Read(502, "<html>bad gateway</html>").Slug);
    }

    [Fact]
    public void ToString_DetailNamesTheError_ErrorNotRepeated()
    {
        var named = new ApiProblem("https://powerverse.dev/problems/call-reverted", null, 422, "reverts with ComputeMarketNotListed(uid=7)", null, "ComputeMarketNotListed", new Dictionary<string, string> { ["uid"] = "7" });
        var unnamed = named with { Detail = "would revert" };

        Assert.Equal("422 call-reverted: reverts with ComputeMarketNotListed(uid=7)", named.ToString());
        Assert.Equal("422 call-reverted: would revert (ComputeMarketNotListed(uid=7))", unnamed.ToString());
    }
}
