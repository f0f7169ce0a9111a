namespace PowerVerse.Benchmarks;

/// <summary>One benchmark: measures the subject and a reference in the same run and prints both with their ratio.</summary>
internal interface IBenchmark
{
    string Name { get; }

    Task RunAsync(TextWriter output);
}
