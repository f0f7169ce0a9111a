using System.Text.Json;
using PowerVerse.Functions.Hosting;
using PowerVerse.LocalHost.Hosting;
using PowerVerse.Testing;

namespace PowerVerse.LocalHost.Tests;

/// <summary>
/// The Functions host and the local host serve the same functions with the same triggers: the local host's catalog
/// (read from the attributes) against the <c>functions.metadata</c> the Functions SDK writes at build.
/// </summary>
public sealed class TwoHostsTests
{
    private static readonly IReadOnlyList<DeclaredFunction> Local = FunctionCatalog.Discover(typeof(FunctionsApp).Assembly);

    public static TheoryData<string> Names() => new(Local.Select(f => f.Name));

    [Fact]
    public void Metadata_ListsExactlyTheFunctionsTheLocalHostServes()
    {
        Assert.NotEmpty(Local);
        Assert.Equal(Local.Select(f => f.Name).Order(), Metadata().Keys.Order());
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Trigger_SameInBothHosts(string name)
    {
        var binding = Metadata()[name].GetProperty("bindings").EnumerateArray().Single(b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal));
        var local = Local.Single(f => f.Name == name).Trigger;

        Assert.Equal(binding.GetProperty("type").GetString(), local.BindingType);
        switch (local)
        {
            case HttpFunctionTrigger http:
                Assert.Equal(binding.GetProperty("route").GetString(), http.Route);
                Assert.Equal(binding.TryGetProperty("methods", out var methods) ? methods.EnumerateArray().Select(m => m.GetString()!.ToLowerInvariant()) : [], http.Methods);
                break;
            case QueueFunctionTrigger queue:
                Assert.Equal(binding.GetProperty("queueName").GetString(), queue.QueueName);
                Assert.Equal(binding.GetProperty("connection").GetString(), queue.Connection);
                break;
            case TimerFunctionTrigger timer:
                Assert.Equal(binding.GetProperty("schedule").GetString(), timer.Schedule);
                break;
        }
    }

    [Fact]
    public void Discover_TestApp_ReadsEveryKindOfTrigger()
    {
        var functions = FunctionCatalog.Discover(typeof(TestApp.Ledger).Assembly).ToDictionary(f => f.Name, f => f.Trigger);

        var echo = Assert.IsType<HttpFunctionTrigger>(functions["Echo"]);
        Assert.Equal(["get"], echo.Methods);
        Assert.Equal("echo/{id:int}", echo.Route);
        Assert.Equal(new QueueFunctionTrigger("work-items", "AzureWebJobsStorage"), functions["Work"]);
        Assert.Equal(new TimerFunctionTrigger("*/2 * * * * *", false), functions["Tick"]);
    }

    /// <summary>The functions.metadata of the app's build, by function name.</summary>
    private static Dictionary<string, JsonElement> Metadata()
    {
        var path = RepoPaths.BuildOutput(Path.Combine("functions", "PowerVerse.Functions"), "functions.metadata");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!, f => f.Clone());
    }
}
