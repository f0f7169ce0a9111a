using PowerVerse.Benchmarks;

// Each benchmark measures a reference in the same run and reports its ratio to it.
// Usage: ./pv bench [name ...]   (no name: all of them)
var all = BenchmarkRegistry.All;
var chosen = args.Length == 0 ? all : all.Where(b => args.Contains(b.Name, StringComparer.OrdinalIgnoreCase)).ToList();
if (chosen.Count == 0)
{
    Console.Error.WriteLine($"unknown benchmark; choose from: {string.Join(", ", all.Select(b => b.Name))}");
    return 2;
}

foreach (var benchmark in chosen)
{
    Console.WriteLine($"== {benchmark.Name}");
    await benchmark.RunAsync(Console.Out);
}

return 0;
