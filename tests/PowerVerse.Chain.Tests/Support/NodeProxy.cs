using System.Net;
using System.Text;
using PowerVerse.Testing;

namespace PowerVerse.Chain.Tests.Support;

/// <summary>
/// A loopback HTTP proxy in front of the real Hardhat node that counts the requests reaching the node, so a test
/// can tell an answer that was retried from one that was not.
/// </summary>
internal sealed class NodeProxy : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly HttpClient _http = new();
    private readonly Uri _target;
    private readonly CancellationTokenSource _stop = new();
    private int _requests;

    public NodeProxy(Uri target)
    {
        _target = target;
        Port = FreePort.Next();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _ = Task.Run(ServeAsync);
    }

    public int Port { get; }

    public Uri Url => new($"http://127.0.0.1:{Port}/");

    public int Requests => _requests;

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Close();
        _http.Dispose();
        _stop.Dispose();
    }

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }

            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        Interlocked.Increment(ref _requests);
        using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var answer = await ForwardAsync(body);
        var bytes = Encoding.UTF8.GetBytes(answer);
        context.Response.ContentType = "application/json";
        await context.Response.OutputStream.WriteAsync(bytes);
        context.Response.Close();
    }

    private async Task<string> ForwardAsync(string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await _http.PostAsync(_target, content);
        return await response.Content.ReadAsStringAsync();
    }
}
