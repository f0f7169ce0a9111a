using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using PowerVerse.Chain;
using PowerVerse.Chain.Keys;
using PowerVerse.Functions.Hosting;
using PowerVerse.Infra.Tests.Support;

namespace PowerVerse.Infra.Tests.Settings;

/// <summary>
/// What the code reads from configuration, derived from the code itself rather than kept as a second list:
/// <list type="bullet">
/// <item>storage connections: the connection of every trigger and binding on a function method, host.json's
/// Durable <c>connectionName</c>, and every <c>public const string ConnectionName</c>;</item>
/// <item>settings: every <c>public const string …Setting</c> not marked <see cref="LocalStackSettingAttribute"/>,
/// as the app setting name the Functions host maps to it (<c>:</c> → <c>__</c>).</item>
/// </list>
/// </summary>
internal static class CodeSettings
{
    // The assemblies of the deployed app: the Functions project and the chain adapter it uses.
    private static readonly Assembly[] AppAssemblies = [typeof(ChainSettings).Assembly, typeof(PlatformKeysRegistration).Assembly];

    private static readonly string[] ConnectionProperties = ["Connection", "ConnectionName"];

    public static IReadOnlyList<string> StorageConnections()
    {
        var fromBindings = AppAssemblies
            .SelectMany(a => a.GetTypes())
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => m.GetCustomAttribute<FunctionAttribute>() is not null)
            .SelectMany(m => m.GetParameters())
            .SelectMany(p => p.GetCustomAttributes())
            .Select(ConnectionOf)
            .OfType<string>();
        var fromConstants = Constants(name => name == "ConnectionName").Select(f => (string)f.GetRawConstantValue()!);
        return fromBindings.Concat(fromConstants).Append(DurableConnection()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>The app settings of the <c>…Setting</c> constants, with the constants they come from.</summary>
    public static IReadOnlyList<(string AppSetting, string Constant)> Settings() =>
        Constants(name => name.EndsWith("Setting", StringComparison.Ordinal))
            .Where(f => f.GetCustomAttribute<LocalStackSettingAttribute>() is null)
            .Select(f => (((string)f.GetRawConstantValue()!).Replace(":", "__", StringComparison.Ordinal), $"{f.DeclaringType!.Name}.{f.Name}"))
            .OrderBy(s => s.Item1, StringComparer.Ordinal)
            .ToList();

    /// <summary>Queue names a function triggers on with the given connection (the trigger's first argument).</summary>
    public static IReadOnlyList<string> TriggerQueues(string connection) =>
        AppAssemblies
            .SelectMany(a => a.GetTypes())
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .SelectMany(m => m.GetParameters())
            .Select(p => p.GetCustomAttribute<QueueTriggerAttribute>())
            .OfType<QueueTriggerAttribute>()
            .Where(q => q.Connection == connection)
            .Select(q => q.QueueName)
            .Distinct(StringComparer.Ordinal)
            .ToList();

    /// <summary>host.json's <c>extensions.durableTask.storageProvider.connectionName</c> (the host's default if unset).</summary>
    public static string DurableConnection()
    {
        using var host = InfraFiles.ReadJson("host.json");
        return host.RootElement.GetProperty("extensions").GetProperty("durableTask").TryGetProperty("storageProvider", out var provider)
               && provider.TryGetProperty("connectionName", out var name)
            ? name.GetString()!
            : "AzureWebJobsStorage";
    }

    // Bindings name their storage connection in a string property: Connection (IConnectionProvider: queue, blob, table
    // bindings) or ConnectionName (DurableClient).
    private static string? ConnectionOf(Attribute attribute) =>
        ConnectionProperties
            .Select(name => attribute.GetType().GetProperty(name)?.GetValue(attribute) as string)
            .FirstOrDefault(connection => !string.IsNullOrEmpty(connection));

    private static IEnumerable<FieldInfo> Constants(Func<string, bool> named) =>
        AppAssemblies
            .SelectMany(a => a.GetTypes())
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(f => f.IsLiteral && f.FieldType == typeof(string) && named(f.Name));
}
