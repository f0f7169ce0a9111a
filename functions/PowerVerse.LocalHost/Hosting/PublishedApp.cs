using System.Reflection;
using Microsoft.DurableTask;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

using PowerVerse.Functions.Hosting;

namespace PowerVerse.LocalHost.Hosting;

/// <summary>
/// The Functions app as published (<c>dotnet publish</c> output: the package the Functions host runs in Azure), loaded
/// into a context of its own (<see cref="PublishedAppLoadContext"/>): its function classes, and its
/// <see cref="FunctionsApp.AddServices"/> and <see cref="FunctionsApp.AddTasks"/> found by reflection, so the local
/// host serves the very assemblies the package holds rather than the ones it was built with.
/// </summary>
public sealed record PublishedApp(
    string Directory, Assembly Assembly, Action<IServiceCollection, IConfiguration> AddServices, Action<DurableTaskRegistry> AddTasks)
{
    /// <summary>Loads the app from <paramref name="directory"/>, a published package.</summary>
    /// <exception cref="InvalidOperationException">The directory is not a published package of this app.</exception>
    public static PublishedApp Load(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory));
        var expected = typeof(FunctionsApp).Assembly.GetName().Name + ".dll";
        var file = Path.Combine(root, expected);
        if (!File.Exists(file) || !File.Exists(Path.Combine(root, "host.json")))
        {
            throw new InvalidOperationException($"'{root}' is not a published Functions app: it needs {expected} and host.json.");
        }

        var assembly = new PublishedAppLoadContext(file).LoadFromAssemblyPath(file);
        var entry = assembly.GetType(typeof(FunctionsApp).FullName!, throwOnError: true)!;
        return new PublishedApp(
            root,
            assembly,
            Method<Action<IServiceCollection, IConfiguration>>(entry, nameof(FunctionsApp.AddServices), typeof(IServiceCollection), typeof(IConfiguration)),
            Method<Action<DurableTaskRegistry>>(entry, nameof(FunctionsApp.AddTasks), typeof(DurableTaskRegistry)));
    }

    /// <summary>
    /// Makes the package the process's base directory (<see cref="AppContext.BaseDirectory"/>), as it is for the app
    /// under the Functions host: host.json and a relative <c>Chain:Manifest</c> are read from the package.
    /// </summary>
    public void UseAsBaseDirectory() => AppContext.SetData("APP_CONTEXT_BASE_DIRECTORY", Directory + Path.DirectorySeparatorChar);

    // Looked up with the host's parameter types: found only when host and app share them (one IServiceCollection).
    private static T Method<T>(Type entry, string name, params Type[] parameters)
        where T : Delegate =>
        entry.GetMethod(name, BindingFlags.Public | BindingFlags.Static, parameters)?.CreateDelegate<T>()
            ?? throw new InvalidOperationException(
                $"The published app's {entry.Name}.{name} does not take the local host's {string.Join(", ", parameters.Select(p => p.Name))}: " +
                "the app and the host were built against different packages.");
}
