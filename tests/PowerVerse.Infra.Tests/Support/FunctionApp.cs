using System.Text.Json;

namespace PowerVerse.Infra.Tests.Support;

/// <summary>The function app's parts of the compiled template.</summary>
internal static class FunctionApp
{
    public static ArmResource Site(ArmTemplate template) => template.Single("Microsoft.Web/sites");

    /// <summary>The <c>Microsoft.Web/sites/config</c> named <c>appsettings</c>: setting name → value (an ARM expression or text).</summary>
    public static IReadOnlyDictionary<string, string> AppSettings(ArmTemplate template) =>
        template.OfType("Microsoft.Web/sites/config")
            .Single(c => c.Name.Contains("appsettings", StringComparison.Ordinal))
            .Properties.EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText(), StringComparer.Ordinal);

    /// <summary>What the top-level template passes to the api module's parameter <paramref name="name"/>.</summary>
    public static string ApiParameter(ArmTemplate template, string name) =>
        template.OfType("Microsoft.Resources/deployments").Single(d => d.Name == "api")
            .Properties.GetProperty("parameters").GetProperty(name).GetProperty("value").ToString();
}
