using System.Reflection;
using System.Runtime.Loader;

namespace PowerVerse.LocalHost.Hosting;

/// <summary>
/// Loads a published Functions app (<c>dotnet publish</c> output, the package Azure runs) beside the local host: the
/// app's own assemblies (<c>PowerVerse.*</c>) and whatever the host does not carry come from the package, resolved by
/// its deps.json; every other assembly the host has — the Worker, Durable Task, ASP.NET Core, Microsoft.Extensions,
/// the Azure SDK — is the host's own, so trigger attributes, <c>IServiceCollection</c>, <c>DurableTaskRegistry</c>
/// and the other types host and app exchange are one and the same. So that sharing never hides a package built against
/// other versions, the context refuses, before loading anything, a package whose deps.json names a version of a
/// shared assembly other than the host's in major or minor (the rule in full: <see cref="PublishedAppDependencies"/>).
/// </summary>
internal sealed class PublishedAppLoadContext : AssemblyLoadContext
{
    private const string AppAssemblyPrefix = "PowerVerse.";

    private readonly AssemblyDependencyResolver _resolver;
    private readonly Dictionary<string, string> _hostAssemblies;

    public PublishedAppLoadContext(string appAssemblyPath)
        : base($"published app {appAssemblyPath}", isCollectible: false)
    {
        _resolver = new AssemblyDependencyResolver(appAssemblyPath);
        _hostAssemblies = HostAssemblies();
        PublishedAppDependencies.EnsureSharedVersionsMatch(appAssemblyPath, _hostAssemblies, AppAssemblyPrefix);
    }

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        var name = assemblyName.Name ?? string.Empty;
        var own = name.StartsWith(AppAssemblyPrefix, StringComparison.Ordinal);
        if (!own && _hostAssemblies.ContainsKey(name))
        {
            // The default context loads it: the host's copy, shared.
            return null;
        }

        return _resolver.ResolveAssemblyToPath(assemblyName) is { } path ? LoadFromAssemblyPath(path) : null;
    }

    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName) =>
        _resolver.ResolveUnmanagedDllToPath(unmanagedDllName) is { } path ? LoadUnmanagedDllFromPath(path) : IntPtr.Zero;

    // The assemblies the host process was started with, by name, with their paths: the runtime's trusted platform
    // assemblies (the shared frameworks and everything in the host's own deps.json).
    private static Dictionary<string, string> HostAssemblies()
    {
        var assemblies = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var path in ((AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string) ?? string.Empty)
                     .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            assemblies.TryAdd(Path.GetFileNameWithoutExtension(path), path);
        }

        return assemblies;
    }
}
