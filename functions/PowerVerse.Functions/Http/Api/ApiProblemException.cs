namespace PowerVerse.Functions.Http.Api;

/// <summary>Bad input found while reading a request: answered as problem+json, before anything is read from storage or started.</summary>
public sealed class ApiProblemException : Exception
{
    public ApiProblemException(ProblemType type, string detail)
        : base(detail)
    {
        Type = type;
    }

    public ApiProblemException()
        : this(Problems.InvalidParameter, "Invalid request.")
    {
    }

    public ApiProblemException(string message)
        : this(Problems.InvalidParameter, message)
    {
    }

    public ApiProblemException(string message, Exception innerException)
        : base(message, innerException)
    {
        Type = Problems.InvalidParameter;
    }

    public ProblemType Type { get; }

    /// <summary>The custom error a simulated call reverted with (its name), for <see cref="Problems.CallReverted"/>.</summary>
    public string? Error { get; init; }

    /// <summary>That error's arguments by name, as strings.</summary>
    public IReadOnlyDictionary<string, string>? Arguments { get; init; }
}
