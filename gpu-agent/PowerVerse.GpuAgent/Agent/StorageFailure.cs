using Azure;

namespace PowerVerse.GpuAgent.Agent;

/// <summary>
/// Recognises a failed storage call: the service's answer (<see cref="RequestFailedException"/>) or, once Azure.Core's
/// retries are spent on transport errors, the <see cref="AggregateException"/> of them.
/// </summary>
internal static class StorageFailure
{
    public static bool Is(Exception e) =>
        e is RequestFailedException || (e is AggregateException all && all.InnerExceptions.All(i => i is RequestFailedException or HttpRequestException));

    public static string Describe(Exception e) => e switch
    {
        RequestFailedException r => $"status={r.Status} code={r.ErrorCode}",
        AggregateException a => $"unreachable ({a.InnerExceptions[0].Message})",
        _ => e.Message,
    };
}
