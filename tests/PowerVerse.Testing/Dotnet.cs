namespace PowerVerse.Workflows.Tests.Support;

/// <summary>The dotnet muxer that runs the built apps: the one running these tests, else the SDK's, else PATH's.</summary>
internal static class Dotnet
{
    public static string Path { get; } =
        Environment.ProcessPath is { } self && System.IO.Path.GetFileNameWithoutExtension(self) == "dotnet" ? self
        : Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host
        : "dotnet";
}
