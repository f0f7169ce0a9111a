using System.Text.Json;
using PowerVerse.Functions.Hosting;
using PowerVerse.Testing;

namespace PowerVerse.Packaging.Tests.Publishing;

/// <summary>
/// <c>dotnet publish</c> of the Functions app yields what the Functions host needs to run it (the package
/// <c>azd deploy</c> uploads): host.json at the root, worker.config.json naming the app's assembly, functions.metadata
/// listing every function with its trigger, the extension bundle the host loads (.azurefunctions) and the deployment
/// manifest under deployments/.
/// </summary>
[Collection(PackagedAppGroup.Name)]
public sealed class PublishOutputTests(PackagedApp app)
{
    [Fact]
    public async Task Publish_PackageRoot_HoldsHostJsonAndTheWorkerConfigNamingTheApp()
    {
        Assert.Equal(
            await File.ReadAllBytesAsync(Path.Combine(RepoPaths.Root, "host.json")),
            await File.ReadAllBytesAsync(Path.Combine(app.Package, "host.json")));

        using var config = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(app.Package, "worker.config.json")));
        var description = config.RootElement.GetProperty("description");
        Assert.Equal("dotnet-isolated", description.GetProperty("language").GetString());
        var worker = description.GetProperty("defaultWorkerPath").GetString()!;
        Assert.Equal(typeof(FunctionsApp).Assembly.GetName().Name + ".dll", worker);
        Assert.True(File.Exists(Path.Combine(app.Package, worker)));
        Assert.True(File.Exists(Path.Combine(app.Package, "PowerVerse.Functions.runtimeconfig.json")));
        // Development settings stay out of the package: Azure's come from the app settings Bicep writes.
        Assert.False(File.Exists(Path.Combine(app.Package, "local.settings.json")));
    }

    [Fact]
    public async Task Publish_FunctionsMetadata_ListsEveryFunctionOfTheAppWithItsTrigger()
    {
        using var metadata = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(app.Package, "functions.metadata")));
        var triggers = metadata.RootElement.EnumerateArray().ToDictionary(
            f => f.GetProperty("name").GetString()!,
            f => f.GetProperty("bindings").EnumerateArray().Single(b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal)),
            StringComparer.Ordinal);
        var declared = FunctionCatalog.Discover(typeof(FunctionsApp).Assembly);

        Assert.Equal(declared.Select(f => f.Name).Order(StringComparer.Ordinal), triggers.Keys.Order(StringComparer.Ordinal));
        foreach (var function in declared)
        {
            var binding = triggers[function.Name];
            Assert.Equal(function.Trigger.BindingType, binding.GetProperty("type").GetString());
            switch (function.Trigger)
            {
                case HttpFunctionTrigger http:
                    Assert.Equal(http.Route, binding.GetProperty("route").GetString());
                    Assert.Equal(http.Methods, binding.GetProperty("methods").EnumerateArray().Select(m => m.GetString()!.ToLowerInvariant()));
                    break;
                case QueueFunctionTrigger queue:
                    Assert.Equal(queue.QueueName, binding.GetProperty("queueName").GetString());
                    Assert.Equal(queue.Connection, binding.GetProperty("connection").GetString());
                    break;
                case TimerFunctionTrigger timer:
                    Assert.Equal(timer.Schedule, binding.GetProperty("schedule").GetString());
                    break;
            }
        }

        Assert.Contains(declared, f => f.Trigger is HttpFunctionTrigger { Route: "types" });
        Assert.Contains(declared, f => f.Trigger is QueueFunctionTrigger);
        Assert.Contains(declared, f => f.Trigger is TimerFunctionTrigger);
    }

    [Fact]
    public async Task Publish_Extensions_CarryTheDurableAndStorageQueueExtensionsTheHostLoads()
    {
        using var extensions = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(app.Package, "extensions.json")));
        var hints = extensions.RootElement.GetProperty("extensions").EnumerateArray()
            .ToDictionary(e => e.GetProperty("name").GetString()!, e => e.GetProperty("hintPath").GetString()!, StringComparer.Ordinal);

        Assert.Contains("DurableTask", hints.Keys);
        Assert.Contains("AzureStorageQueues", hints.Keys);
        foreach (var (name, hint) in hints)
        {
            Assert.StartsWith("./.azurefunctions/", hint, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(app.Package, hint)), $"{name}: {hint} is not in the package");
        }

        Assert.True(File.Exists(Path.Combine(app.Package, ".azurefunctions", "Microsoft.Azure.WebJobs.Extensions.DurableTask.dll")));
        Assert.True(File.Exists(Path.Combine(app.Package, ".azurefunctions", "Microsoft.Azure.WebJobs.Extensions.Storage.Queues.dll")));
    }

    [Fact]
    public async Task Publish_DeploymentManifest_TravelsAsDeploymentsChainIdJson()
    {
        var manifests = Directory.GetFiles(app.Deployments, "*.json");

        Assert.NotEmpty(manifests);
        foreach (var manifest in manifests)
        {
            var packaged = Path.Combine(app.Package, "deployments", Path.GetFileName(manifest));
            Assert.True(File.Exists(packaged), $"{packaged} is missing");
            Assert.Equal(await File.ReadAllBytesAsync(manifest), await File.ReadAllBytesAsync(packaged));
        }

        Assert.True(File.Exists(Path.Combine(app.Package, "deployments", "31337.json")));
    }
}
