using PowerVerse.Functions.Hosting;
using PowerVerse.LocalHost.Cli;
using PowerVerse.LocalHost.Hosting;
using PowerVerse.LocalHost.Seeding;

if (args is ["seed-market", var payload, ..])
{
    // Puts a small market on the local chain (./pv up does this once the contracts are deployed).
    var storage = Environment.GetEnvironmentVariable("AzureWebJobsStorage") ?? "UseDevelopmentStorage=true";
    var rpc = new Uri(Environment.GetEnvironmentVariable("Chain__RpcUrl") ?? "http://127.0.0.1:8545");
    var manifest = Environment.GetEnvironmentVariable("Chain__Manifest") ?? throw new InvalidOperationException("Chain__Manifest is not set.");
    return await DemoMarket.RunAsync(payload, storage, rpc, manifest, Console.Out);
}

if (args is ["write", .. var write])
{
    // Signs a write with a user's key, posts it to the API and follows its workflow (./pv write).
    return await WriteCommand.RunAsync(write, Console.Out, Console.Error);
}

// The PowerVerse Functions app without the Functions host: the same functions, services and Durable tasks — those
// this host was built with, or those of a published package (LocalHost__AppPath or --app DIR).
if (LocalFunctionsHost.PublishedAppOf(args) is { } published)
{
    await LocalFunctionsHost.RunAsync(args, published.Assembly, published.AddServices, published.AddTasks);
    return 0;
}

await LocalFunctionsHost.RunAsync(args, typeof(FunctionsApp).Assembly, FunctionsApp.AddServices, FunctionsApp.AddTasks);
return 0;
