using System.Text.Json;

namespace PowerVerse.Infra.Tests.Support;

/// <summary>
/// A compiled ARM template. Bicep compiles each module to a <c>Microsoft.Resources/deployments</c> resource with the
/// module's template inline, so <see cref="Resources"/> walks those nested templates to every resource in them.
/// </summary>
internal sealed class ArmTemplate(JsonElement root)
{
    public JsonElement Root => root;

    /// <summary>Every resource of this template and of the templates nested in it, with the module it sits in.</summary>
    public IEnumerable<ArmResource> Resources => Walk(root, "main");

    public IEnumerable<ArmResource> OfType(string type) =>
        Resources.Where(r => string.Equals(r.Type, type, StringComparison.OrdinalIgnoreCase));

    public ArmResource Single(string type) => OfType(type).Single();

    /// <summary>The template of the module (nested deployment) called <paramref name="name"/>.</summary>
    public JsonElement Module(string name) =>
        OfType("Microsoft.Resources/deployments").Single(d => d.Name == name).Json.GetProperty("properties").GetProperty("template");

    private static IEnumerable<ArmResource> Walk(JsonElement template, string module)
    {
        if (!template.TryGetProperty("resources", out var resources))
        {
            yield break;
        }

        // languageVersion 2.0 templates hold resources by symbolic name, older ones in an array.
        var list = resources.ValueKind == JsonValueKind.Object
            ? resources.EnumerateObject().Select(p => p.Value)
            : resources.EnumerateArray();
        foreach (var resource in list)
        {
            var item = new ArmResource(resource, module);
            yield return item;
            if (item.Type == "Microsoft.Resources/deployments"
                && resource.GetProperty("properties").TryGetProperty("template", out var nested))
            {
                foreach (var inner in Walk(nested, item.Name))
                {
                    yield return inner;
                }
            }
        }
    }
}

/// <summary>One resource of a compiled template, in the module <see cref="Module"/> (<c>main</c> at the top).</summary>
internal sealed record ArmResource(JsonElement Json, string Module)
{
    public string Type => Json.GetProperty("type").GetString()!;

    public string Name => Json.GetProperty("name").GetString()!;

    public JsonElement Properties => Json.GetProperty("properties");

    /// <summary>The value at a dotted path under the resource, e.g. <c>properties.sku.name</c>.</summary>
    public JsonElement At(string path) =>
        path.Split('.').Aggregate(Json, (element, name) => element.TryGetProperty(name, out var next)
            ? next
            : throw new KeyNotFoundException($"{Type} '{Name}' has no '{path}' (stopped at '{name}')."));
}
