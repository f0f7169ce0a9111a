namespace PowerVerse.Client.Api;

/// <summary>The API answered a read that must succeed with a problem.</summary>
public sealed class ApiException : Exception
{
    public ApiException()
    {
    }

    public ApiException(string message)
        : base(message)
    {
    }

    public ApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ApiException(ApiProblem problem)
        : base(problem?.ToString())
    {
        Problem = problem;
    }

    public ApiProblem? Problem { get; }
}
