using PowerVerse.Testing;

namespace PowerVerse.Dashboard.Tests.Stack;

/// <summary><c>dotnet publish</c> of dashboard/PowerVerse.Dashboard in Release, as <c>./pv up</c> publishes it: the static site is the output's wwwroot/.</summary>
public static class DashboardPublish
{
    public static string Project => Path.Combine(RepoPaths.Root, "dashboard", "PowerVerse.Dashboard", "PowerVerse.Dashboard.csproj");

    /// <summary>Fails at once, saying so, where the dashboard project is not in the repository.</summary>
    public static void RequireProject()
    {
        if (!File.Exists(Project))
        {
            throw new InvalidOperationException(
                $"The dashboard's tests need the Blazor WebAssembly project at {Path.GetRelativePath(RepoPaths.Root, Project)}, which this checkout does not have.");
        }
    }

    /// <summary>Publishes into <paramref name="folder"/> and returns the site's folder (with index.html).</summary>
    public static async Task<string> PublishAsync(string folder)
    {
        RequireProject();
        await using var publish = ChildProcess.Start(Dotnet.Path, ["publish", Project, "-c", "Release", "-o", folder, "--nologo"]);
        var exit = await publish.WaitForExitAsync(TimeSpan.FromMinutes(10));
        if (exit != 0)
        {
            throw new InvalidOperationException($"dotnet publish of the dashboard exited with {exit}:\n{publish.Output}");
        }

        var site = Path.Combine(folder, "wwwroot");
        return File.Exists(Path.Combine(site, "index.html"))
            ? site
            : throw new InvalidOperationException($"The dashboard's publish output has no wwwroot/index.html:\n{publish.Output}");
    }
}
