namespace PowerVerse.Testing;

/// <summary>The dotnet muxer that runs the built apps and the SDK's commands: the one running these tests, else the SDK's, else PATH's.</summary>
public static class Dotnet
{
    public static string Path { get; } =
        Environment.ProcessPath is { } self && System.IO.Path.GetFileNameWithoutExtension(self) == "dotnet" ? self
        : Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host
        : "dotnet";
}
