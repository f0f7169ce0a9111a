using PowerVerse.Functions.Hosting;
using PowerVerse.LocalHost.Hosting;

// The PowerVerse Functions app without the Functions host: the same functions, services and Durable tasks.
await LocalFunctionsHost.RunAsync(args, typeof(FunctionsApp).Assembly, FunctionsApp.AddServices, FunctionsApp.AddTasks);
