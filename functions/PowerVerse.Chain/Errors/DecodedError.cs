namespace PowerVerse.Chain.Errors;

/// <summary>A revert decoded by its selector, written as <c>ComputeMarketNotListed(uid=7)</c>.</summary>
public sealed record DecodedError(string Name, string Selector, IReadOnlyList<DecodedArgument> Arguments)
{
    /// <summary>The name given to revert data that no known error matches (its one argument is the raw data).</summary>
    public const string UnknownName = "UnknownError";

    public bool IsKnown => Name != UnknownName;

    /// <summary>The value of the named argument (null if absent).</summary>
    public object? this[string name] => Arguments.FirstOrDefault(a => a.Name == name)?.Value;

    public override string ToString() => $"{Name}({string.Join(", ", Arguments.Select(a => a.ToString()))})";
}
