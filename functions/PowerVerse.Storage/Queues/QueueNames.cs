namespace PowerVerse.Storage.Queues;

/// <summary>"Naming queues and metadata": 3–63 characters, lowercase letters, digits and single hyphens, starting and ending with a letter or digit.</summary>
internal static class QueueNames
{
    public static void Validate(string? name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var valid = name.Length is >= 3 and <= 63
                    && name[0] != '-' && name[^1] != '-'
                    && !name.Contains("--", StringComparison.Ordinal)
                    && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');
        if (!valid)
        {
            throw new ArgumentException(
                $"'{name}' is not a valid queue name: 3-63 lowercase letters, digits and single hyphens, not starting or ending with a hyphen.",
                nameof(name));
        }
    }
}
