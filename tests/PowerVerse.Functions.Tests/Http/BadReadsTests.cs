using System.Net;
using System.Text.Json;
using Azure.Data.Tables;
using PowerVerse.Functions.Tests.Support;

namespace PowerVerse.Functions.Tests.Http;

/// <summary>
/// Generated bad reads through the real host: malformed and unknown ids, bad and injected filters, absurd page sizes,
/// forged, tampered and foreign continuation tokens, wrong methods. Each answers 4xx problem+json with a stable type,
/// and leaves every table exactly as it was.
/// </summary>
[Collection(ReadApiGroup.Name)]
public sealed class BadReadsTests(ReadApiFixture api)
{
    private const string Market = "api/market/usage-rights";

    public static TheoryData<string, string, int, string> Cases()
    {
        var cases = new TheoryData<string, string, int, string>();
        string[] idRoutes = ["api/hardware/{0}", "api/resources/{0}", "api/usage-rights/{0}", "api/ranks/{0}", "api/proofs/{0}", "api/dividends/{0}/" + Sample.Holder];
        string[] badIds = ["abc", "-1", "1.5", "0x10", "1e3", "%201", "%EF%BC%91", new string('9', 79), "115792089237316195423570985008687907853269984665640564039457584007913129639936"];
        foreach (var route in idRoutes)
        {
            foreach (var id in badIds.Take(route.Contains("dividends", StringComparison.Ordinal) ? 3 : badIds.Length))
            {
                cases.Add("GET", string.Format(System.Globalization.CultureInfo.InvariantCulture, route, id), 400, "invalid-id");
            }

            cases.Add("GET", string.Format(System.Globalization.CultureInfo.InvariantCulture, route, "987654321"), 404, "not-found");
        }

        string[] badAddresses = ["0x123", "0x" + new string('z', 40), Sample.Holder[2..], Sample.Holder + "0", "' or PartitionKey ne '", "0x%27%20or%20'1'%20eq%20'1"];
        foreach (var address in badAddresses)
        {
            cases.Add("GET", $"api/accounts/{address}", 400, "invalid-address");
            cases.Add("GET", $"api/orders/usage-rights?account={address}", 400, "invalid-address");
        }

        cases.Add("GET", $"api/dividends/1/{badAddresses[0]}", 400, "invalid-address");
        cases.Add("GET", $"{Market}?token=%27%20or%20PartitionKey%20ne%20%27", 400, "invalid-address");
        cases.Add("GET", $"{Market}?gpuModel=5%27%20or%20PartitionKey%20ne%20%27", 400, "invalid-parameter");
        cases.Add("GET", $"{Market}?minPrice=1%20or%20true", 400, "invalid-parameter");
        cases.Add("GET", $"{Market}?sort=price%27)%20or%20(1%20eq%201", 400, "invalid-parameter");
        cases.Add("GET", $"api/market/revenue-rights?vid=1%20or%20RowKey%20ne%20%27", 400, "invalid-id");
        foreach (var (query, type) in new[]
        {
            ("gpuModel=abc", "invalid-parameter"), ("gpuModel=-1", "invalid-parameter"), ("gpuModel=4294967296", "invalid-parameter"),
            ("computeType=1.0", "invalid-parameter"), ("minPrice=abc", "invalid-parameter"), ("minPrice=-5", "invalid-parameter"),
            ("maxPrice=" + new string('9', 79), "invalid-parameter"), ("minPrice=10&maxPrice=9", "invalid-range"), ("minRank=0x1", "invalid-parameter"),
            ("sort=cheapest", "invalid-parameter"), ("sort=PRICE", "invalid-parameter"), ("sort=", "invalid-parameter"),
            ("pageSize=0", "invalid-page-size"), ("pageSize=-1", "invalid-page-size"), ("pageSize=101", "invalid-page-size"),
            ("pageSize=1000000", "invalid-page-size"), ("pageSize=abc", "invalid-page-size"), ("pageSize=1e2", "invalid-page-size"),
            ("continuationToken=garbage", "invalid-continuation-token"), ("continuationToken=a.b", "invalid-continuation-token"),
            ("continuationToken=.", "invalid-continuation-token"), ("continuationToken=" + new string('A', 2000), "invalid-continuation-token"),
            ("foo=1", "unknown-parameter"), ("%24filter=PartitionKey%20ne%20%27%27", "unknown-parameter"), ("gpuModel=1&gpuModel=2", "duplicate-parameter"),
            ("gpuModel=" + new string('1', 300), "invalid-parameter"),
        })
        {
            cases.Add("GET", $"{Market}?{query}", 400, type);
        }

        cases.Add("GET", "api/orders/revenue-rights?from=2026-11-28", 400, "invalid-parameter");
        cases.Add("GET", "api/orders/revenue-rights?from=2026-11-28T00:00:00%2B01:00", 400, "invalid-parameter");
        cases.Add("GET", "api/orders/revenue-rights?from=2026-11-29T00:00:00Z&to=2026-11-28T00:00:00Z", 400, "invalid-range");
        cases.Add("GET", "api/ranks?computeType=GPU", 400, "invalid-parameter");
        cases.Add("GET", "api/types?computeType=1", 400, "unknown-parameter");
        cases.Add("GET", "api/workflows/a%20b", 400, "invalid-workflow-id");
        cases.Add("GET", "api/workflows/" + new string('x', 129), 400, "invalid-workflow-id");
        cases.Add("GET", "api/workflows/0x" + new string('0', 64), 404, "not-found");
        cases.Add("GET", $"{Market}?gpuModel=5&continuationToken={{tampered}}", 400, "invalid-continuation-token");
        cases.Add("GET", $"{Market}?gpuModel=6&continuationToken={{token}}", 400, "invalid-continuation-token");
        cases.Add("GET", $"{Market}?gpuModel=5&sort=rank&continuationToken={{token}}", 400, "invalid-continuation-token");
        cases.Add("GET", $"api/orders/usage-rights?continuationToken={{token}}", 400, "invalid-continuation-token");
        cases.Add("GET", $"{Market}?gpuModel=5&continuationToken={{forged}}", 400, "invalid-continuation-token");
        foreach (var method in new[] { "POST", "PUT", "DELETE", "PATCH" })
        {
            cases.Add(method, Market, 405, "method-not-allowed");
            cases.Add(method, "api/hardware/1", 405, "method-not-allowed");
        }

        cases.Add("GET", "api/no-such-route", 404, "not-found");
        // POST /api/hardware registers hardware: a GET without an id is a route that does not take GET.
        cases.Add("GET", "api/hardware/", 405, "method-not-allowed");
        cases.Add("GET", "api/gpus/extra/", 404, "not-found");
        return cases;
    }

    [Fact]
    public void Cases_AtLeastFifty() => Assert.True(Cases().Count >= 50, $"{Cases().Count} cases");

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task BadRead_AnsweredAsProblem_NothingChanged(string method, string path, int status, string type)
    {
        var service = new TableServiceClient(api.Azurite.ConnectionString);
        var before = await TableSnapshot.TakeAsync(service);
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(api.Url, await WithTokensAsync(path)));

        using var response = await api.Http.SendAsync(request);

        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"{method} {path}: {(int)response.StatusCode} {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal($"https://powerverse.dev/problems/{type}", problem.GetProperty("type").GetString());
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("detail").GetString()));
        Assert.Equal(before, await TableSnapshot.TakeAsync(service));
    }

    // {token}: a real token of GET market?gpuModel=5; {tampered}: it with one character changed; {forged}: a token
    // in the right shape sealed with another key.
    private async Task<string> WithTokensAsync(string path)
    {
        if (!path.Contains('{', StringComparison.Ordinal))
        {
            return path;
        }

        using var first = await api.GetAsync($"{Market}?gpuModel=5");
        var token = JsonDocument.Parse(await first.Content.ReadAsStringAsync()).RootElement.GetProperty("continuationToken").GetString()!;
        var tampered = token[..^3] + (token[^3] == 'A' ? 'B' : 'A') + token[^2..];
        var forged = new PowerVerse.Functions.ReadModel.Queries.ContinuationTokens(new byte[32]).Protect($"/{Market}|x", "1!4!YWxs 1!4!YWxs");
        return path.Replace("{token}", Uri.EscapeDataString(token), StringComparison.Ordinal)
            .Replace("{tampered}", Uri.EscapeDataString(tampered), StringComparison.Ordinal)
            .Replace("{forged}", Uri.EscapeDataString(forged), StringComparison.Ordinal);
    }
}
