using System.Net;

namespace PowerVerse.LocalHost.Tests.Hosting;

/// <summary>
/// The API's CORS on the real local host, as Azure's platform CORS answers for the Functions app: the dashboard's
/// origin and <c>LocalHost__CorsOrigins</c> only, GET/POST/OPTIONS, Content-Type and Authorization, Location exposed.
/// </summary>
public sealed class ApiCorsTests(DashboardFixture dashboard) : IClassFixture<DashboardFixture>, IDisposable
{
    private readonly HttpClient _http = new();

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task Preflight_DashboardOrigin_MethodsAndHeadersAllowed()
    {
        using var response = await PreflightAsync(dashboard.DashboardOrigin, "POST", "content-type,authorization");

        Assert.True(response.StatusCode is HttpStatusCode.NoContent or HttpStatusCode.OK, $"{response.StatusCode}");
        Assert.Equal([dashboard.DashboardOrigin], response.Headers.GetValues("Access-Control-Allow-Origin"));
        Assert.Equal(["GET", "OPTIONS", "POST"], Values(response, "Access-Control-Allow-Methods").Order(StringComparer.Ordinal));
        Assert.Equal(["authorization", "content-type"], Values(response, "Access-Control-Allow-Headers").Select(h => h.ToLowerInvariant()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Post_ConfiguredOrigin_AllowedWithLocationExposed()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(dashboard.Host.Url, "api/credits/cors?timer=0"));
        request.Headers.Add("Origin", DashboardFixture.OtherOrigin);

        using var response = await _http.SendAsync(request);

        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{response.StatusCode}\n{dashboard.Host.OutputTail}");
        Assert.Equal([DashboardFixture.OtherOrigin], response.Headers.GetValues("Access-Control-Allow-Origin"));
        Assert.Equal(["Location"], Values(response, "Access-Control-Expose-Headers"));
        Assert.NotNull(response.Headers.Location);
    }

    [Fact]
    public async Task OtherOrigin_GetAndPreflight_NoCorsHeaders()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(dashboard.Host.Url, "api/echo/1"));
        request.Headers.Add("Origin", "http://127.0.0.1:9999");
        using var get = await _http.SendAsync(request);
        using var preflight = await PreflightAsync("https://example.com", "POST", "content-type");

        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.False(get.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.False(preflight.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.False(preflight.Headers.Contains("Access-Control-Allow-Methods"));
    }

    [Fact]
    public async Task Preflight_MethodNotAllowed_NoMethodGranted()
    {
        using var response = await PreflightAsync(dashboard.DashboardOrigin, "DELETE", "content-type");

        Assert.False(response.Headers.Contains("Access-Control-Allow-Methods") && Values(response, "Access-Control-Allow-Methods").Contains("DELETE"));
    }

    private async Task<HttpResponseMessage> PreflightAsync(string origin, string method, string headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, new Uri(dashboard.Host.Url, "api/credits/cors"));
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", method);
        request.Headers.Add("Access-Control-Request-Headers", headers);
        return await _http.SendAsync(request);
    }

    private static IEnumerable<string> Values(HttpResponseMessage response, string header) =>
        response.Headers.TryGetValues(header, out var values) ? values.SelectMany(v => v.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)) : [];
}
