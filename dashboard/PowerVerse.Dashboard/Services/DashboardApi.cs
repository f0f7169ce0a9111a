using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using PowerVerse.Views;

namespace PowerVerse.Dashboard.Services;

/// <summary>
/// The PowerVerse API (DESIGN §4) as the dashboard reads it: routes relative to <see cref="DashboardSettings.Api"/>
/// (<c>market/usage-rights</c>), answers in the API's own records, problems as <see cref="ApiProblemException"/>.
/// </summary>
public sealed class DashboardApi(HttpClient http)
{
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web);

    /// <summary>A read; a missing resource (404) is null.</summary>
    /// <exception cref="ApiProblemException">Any other problem.</exception>
    public async Task<T?> FindAsync<T>(string route, string? authorization = null, CancellationToken cancellationToken = default)
        where T : class
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, route);
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        using var response = await http.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        await ThrowIfProblemAsync(response, cancellationToken);
        return await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken);
    }

    /// <summary>A read that must exist.</summary>
    /// <exception cref="ApiProblemException">A problem, 404 included.</exception>
    public async Task<T> GetAsync<T>(string route, string? authorization = null, CancellationToken cancellationToken = default)
        where T : class =>
        await FindAsync<T>(route, authorization, cancellationToken)
        ?? throw new ApiProblemException(new ProblemView("https://powerverse.dev/problems/not-found", "Not found", 404, $"Nothing at {route}.", null));

    /// <summary>Posts a signed write (its JSON as signed) to its route: the workflow that carries it out.</summary>
    /// <exception cref="ApiProblemException">The API refused it; nothing changed.</exception>
    public async Task<WriteAcceptedView> PostWriteAsync(string route, string json, CancellationToken cancellationToken = default)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(route, content, cancellationToken);
        await ThrowIfProblemAsync(response, cancellationToken);
        return await response.Content.ReadFromJsonAsync<WriteAcceptedView>(Json, cancellationToken)
            ?? throw new InvalidOperationException($"{route} answered {(int)response.StatusCode} without a body.");
    }

    public Task<WorkflowView?> WorkflowAsync(string id, CancellationToken cancellationToken = default) =>
        FindAsync<WorkflowView>("workflows/" + Uri.EscapeDataString(id), cancellationToken: cancellationToken);

    private static async Task ThrowIfProblemAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        ProblemView? problem = null;
        try
        {
            problem = JsonSerializer.Deserialize<ProblemView>(body, Json);
        }
        catch (JsonException)
        {
            // Not problem+json (a proxy's page): described by its status below.
        }

        throw new ApiProblemException(problem is { Type.Length: > 0 } ? problem
            : new ProblemView("about:blank", response.ReasonPhrase ?? "Error", (int)response.StatusCode, null, null));
    }
}
