using PowerVerse.Views;

namespace PowerVerse.Dashboard.Services;

/// <summary>The API answered a problem (RFC 9457); <see cref="Exception.Message"/> says it in plain words.</summary>
public sealed class ApiProblemException(ProblemView problem) : Exception(ProblemText.Describe(problem))
{
    public ProblemView Problem { get; } = problem;
}
