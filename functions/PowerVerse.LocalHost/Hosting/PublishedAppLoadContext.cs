using System.Reflection;
using System.Runtime.Loader;

namespace PowerVerse.LocalHost.Hosting;

/// <summary>
/// Loads a published Functions app (<c>dotnet publish</c> output, the package Azure runs) beside the local host: the
/// app's own assemblies (<c>PowerVerse.*</c>) and whatever the host does not carry come from the package, resolved by
/// its deps.json; every other assembly the host has — the Worker, Durable Task, ASP.NET Core, Microsoft.Extensions,
/// the Azure SDK — is the host's own, so trigger attributes, <c>IServiceCollection</c>, <c>DurableTaskRegistry</c>
/// and the other types host and app exchange are one and the same.
/// </summary>
internal sealed class PublishedAppLoadContext : AssemblyLoadContext
{
    private const string AppAssemblyPrefix = "PowerVerse.";

    private readonly AssemblyDependencyResolver _resolver;
    private readonly HashSet<string> _hostAssemblies;

    public PublishedAppLoadContext(string appAssemblyPath)
        : base($"published app {appAssemblyPath}", isCollectible: false)
    {
        _resolver = new AssemblyDependencyResolver(appAssemblyPath);
        _hostAssemblies = HostAssemblies();
    }

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        var name = assemblyName.Name ?? string.Empty;
        var own = name.StartsWith(AppAssemblyPrefix, StringComparison.Ordinal);
        if (!own && _hostAssemblies.Contains(name))
        {
            // The default context loads it: the host's copy, shared.
            return null;
        }

        return _resolver.ResolveAssemblyToPath(assemblyName) is { } path ? LoadFromAssemblyPath(path) : null;
    }

    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName) =>
        _resolver.ResolveUnmanagedDllToPath(unmanagedDllName) is { } path ? LoadUnmanagedDllFromPath(path) : IntPtr.Zero;

    // The assemblies the host process was started with: the runtime's trusted platform assemblies (the shared
    // frameworks and everything in the host's own deps.json).
    private static HashSet<string> HostAssemblies() =>
        ((AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string) ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(Path.GetFileNameWithoutExtension)
            .OfType<string>()
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
}
