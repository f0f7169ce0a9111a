namespace PowerVerse.Client.Api;

/// <summary>What the API answered to a write: accepted (<c>202</c>, the workflow's id and location) or a problem.</summary>
public sealed record WriteResponse(int Status, string? Id, string? Location, ApiProblem? Problem)
{
    public bool IsAccepted => Problem is null;
}
