using System.Text.Json.Nodes;

namespace PowerVerse.GpuAgent.Tests.Support;

/// <summary>The committed vectors under TestData/ (see its README).</summary>
internal static class TestFiles
{
    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", name);

    public static string Text(string name) => File.ReadAllText(PathOf(name));

    public static JsonObject Json(string name) => JsonNode.Parse(Text(name))!.AsObject();
}
