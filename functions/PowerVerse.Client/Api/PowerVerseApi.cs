using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Numerics;
using System.Text;
using System.Text.Json;
using Nethereum.Signer;
using PowerVerse.Client.Writes;

namespace PowerVerse.Client.Api;

/// <summary>
/// The PowerVerse HTTP API over an <see cref="HttpClient"/> (DESIGN §4): posting signed writes, following their
/// workflows, reading a usage right (with its access configuration when the user signs the read) and any other read.
/// Routes are absolute paths (<c>/api/…</c>), resolved against the client's base address.
/// </summary>
public sealed class PowerVerseApi(HttpClient http, TimeProvider? time = null)
{
    private static readonly MediaTypeHeaderValue JsonType = new("application/json") { CharSet = "utf-8" };
    private readonly HttpClient _http = http ?? throw new ArgumentNullException(nameof(http));
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>How often <see cref="WaitForWorkflowAsync"/> looks.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Posts a signed write to its route: <c>202</c> with the workflow's id and location, or the problem.</summary>
    public async Task<WriteResponse> PostAsync(string route, SignedWrite write, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(write);
        using var content = new StringContent(write.ToJson(), Encoding.UTF8);
        content.Headers.ContentType = JsonType;
        using var response = await _http.PostAsync(Path(route), content, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var status = (int)response.StatusCode;
        if (response.StatusCode != HttpStatusCode.Accepted)
        {
            return new WriteResponse(status, null, null, ApiProblem.Read(status, body));
        }

        using var document = JsonDocument.Parse(body);
        return new WriteResponse(status, document.RootElement.GetProperty("id").GetString(),
            response.Headers.Location?.OriginalString ?? document.RootElement.GetProperty("location").GetString(), null);
    }

    /// <summary>Posts a prepared write to its own route.</summary>
    public Task<WriteResponse> PostAsync(PreparedWrite write, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(write);
        return PostAsync(write.Route, write.Body, cancellationToken);
    }

    /// <summary>The workflow, or null while the API does not know it.</summary>
    /// <exception cref="ApiException">The API answered with another problem.</exception>
    public async Task<Workflow?> GetWorkflowAsync(string id, CancellationToken cancellationToken = default)
    {
        var response = await GetAsync("/api/workflows/" + Uri.EscapeDataString(id), cancellationToken: cancellationToken);
        return response.Status == 404 ? null
            : response.IsSuccess ? Workflow.Read(response.Json)
            : throw new ApiException(response.Problem!);
    }

    /// <summary>
    /// Polls the workflow until it is finished (Completed, Failed, Terminated), calling <paramref name="changed"/>
    /// whenever its status or step changes.
    /// </summary>
    /// <exception cref="TimeoutException">Not finished within <paramref name="timeout"/>; the message has its last state.</exception>
    public async Task<Workflow> WaitForWorkflowAsync(string id, TimeSpan timeout, Action<Workflow>? changed = null, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        Workflow? last = null;
        while (true)
        {
            var workflow = await GetWorkflowAsync(id, cancellationToken);
            if (workflow is not null && (last is null || workflow.Status != last.Status || workflow.CurrentStep != last.CurrentStep))
            {
                changed?.Invoke(workflow);
            }

            last = workflow ?? last;
            if (workflow is { IsFinished: true })
            {
                return workflow;
            }

            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException(last is null
                    ? $"Workflow {id} was not known within {timeout}."
                    : $"Workflow {id} ({last.Name}) was still {last.Status} at step '{last.CurrentStep}' after {timeout}.");
            }

            await Task.Delay(PollInterval, cancellationToken);
        }
    }

    /// <summary>
    /// <c>GET /api/usage-rights/{uid}</c>; with the user's key the read is signed (<see cref="ReadAuthorization"/>) and
    /// the answer carries the access configuration when that key is the UID's current user.
    /// </summary>
    public Task<ApiResponse> GetUsageRightAsync(BigInteger uid, EthECKey? user = null, CancellationToken cancellationToken = default) =>
        GetUsageRightAsync(uid, user is null ? null : ReadAuthorization.Sign(uid, user, _time.GetUtcNow()), cancellationToken);

    /// <summary>As above, with an <c>Authorization</c> value signed elsewhere (a wallet).</summary>
    public Task<ApiResponse> GetUsageRightAsync(BigInteger uid, string? authorization, CancellationToken cancellationToken = default) =>
        GetAsync("/api/usage-rights/" + uid.ToString(System.Globalization.CultureInfo.InvariantCulture), authorization, cancellationToken);

    /// <summary><c>GET /api/dividends/{epoch}/{address}</c>: the account's amount and Merkle proof in the epoch, for a claim.</summary>
    public Task<ApiResponse> GetDividendAsync(BigInteger epoch, string address, CancellationToken cancellationToken = default) =>
        GetAsync($"/api/dividends/{epoch.ToString(System.Globalization.CultureInfo.InvariantCulture)}/{address}", cancellationToken: cancellationToken);

    /// <summary>
    /// <c>POST /api/agents/sas</c> signed by the agent's key: the service SAS URLs of its queues until
    /// <paramref name="expires"/> (<c>queue</c>, <c>poison</c>, <c>results</c>, <c>events</c>), or the problem.
    /// </summary>
    public Task<ApiResponse> PostAgentSasAsync(EthECKey agent, DateTimeOffset expires, CancellationToken cancellationToken = default) =>
        PostJsonAsync("/api/agents/sas", AgentSasRequest.Sign(agent, expires).ToJsonString(), cancellationToken);

    /// <summary>Posts a JSON body as it is (e.g. one signed elsewhere) to a route answered at once: its JSON or its problem.</summary>
    public async Task<ApiResponse> PostJsonAsync(string route, string json, CancellationToken cancellationToken = default)
    {
        using var content = new StringContent(json, Encoding.UTF8);
        content.Headers.ContentType = JsonType;
        using var response = await _http.PostAsync(Path(route), content, cancellationToken);
        return await ReadAsync(response, cancellationToken);
    }

    /// <summary>Any read, e.g. <c>/api/accounts/0x…</c>: its JSON or its problem.</summary>
    public async Task<ApiResponse> GetAsync(string pathAndQuery, string? authorization = null, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Path(pathAndQuery));
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        using var response = await _http.SendAsync(request, cancellationToken);
        return await ReadAsync(response, cancellationToken);
    }

    private static async Task<ApiResponse> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var status = (int)response.StatusCode;
        if (!response.IsSuccessStatusCode)
        {
            return new ApiResponse(status, null, ApiProblem.Read(status, body));
        }

        using var document = JsonDocument.Parse(body);
        return new ApiResponse(status, document.RootElement.Clone(), null);
    }

    // Routes are absolute (/api/…); a base address with a path ("http://host/api") keeps only its authority.
    private Uri Path(string route) => _http.BaseAddress is { } baseAddress ? new Uri(baseAddress, route) : new Uri(route, UriKind.Relative);
}
