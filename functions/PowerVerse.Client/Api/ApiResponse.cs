using System.Text.Json;

namespace PowerVerse.Client.Api;

/// <summary>A read's answer: its JSON on success, else the problem.</summary>
public sealed record ApiResponse(int Status, JsonElement? Body, ApiProblem? Problem)
{
    public bool IsSuccess => Problem is null;

    /// <summary>The body of a successful answer.</summary>
    /// <exception cref="InvalidOperationException">The API answered with a problem.</exception>
    public JsonElement Json => Body ?? throw new InvalidOperationException($"The API answered {Problem}.");
}
