namespace PowerVerse.Functions.Http.Api;

/// <summary>An RFC 9457 problem type: a stable URI clients can switch on, its title and HTTP status.</summary>
public sealed record ProblemType(string Slug, string Title, int Status)
{
    public const string BaseUri = "https://powerverse.dev/problems/";

    public string Uri => BaseUri + Slug;
}
