namespace PowerVerse.Chain.Errors;

/// <summary>A call, estimate or transaction reverted; <see cref="Error"/> is the decoded custom error, if it had one.</summary>
public sealed class ContractRevertedException : Exception
{
    public ContractRevertedException()
    {
    }

    public ContractRevertedException(string message)
        : base(message)
    {
    }

    public ContractRevertedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ContractRevertedException(DecodedError? error, Exception innerException)
        : base(error is null ? "The contract reverted without data." : $"The contract reverted: {error}", innerException)
    {
        Error = error;
    }

    public DecodedError? Error { get; }

    /// <summary>The exception as a revert, when it carries revert data (decoded with <paramref name="registry"/>); else null.</summary>
    public static ContractRevertedException? From(Exception exception, CustomErrorRegistry? registry = null)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return (registry ?? CustomErrorRegistry.Contracts).Decode(exception) is { } error ? new ContractRevertedException(error, exception) : null;
    }
}
