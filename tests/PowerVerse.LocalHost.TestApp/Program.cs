using PowerVerse.LocalHost.Hosting;
using PowerVerse.LocalHost.TestApp;

// A small Functions app of the tests' own, run by the local host exactly as the PowerVerse app is: HTTP, queue and
// timer functions and a Durable orchestration whose effects land in a table, so tests can kill and restart it.
await LocalFunctionsHost.RunAsync(args, typeof(Ledger).Assembly, Ledger.AddServices, Ledger.AddTasks);
