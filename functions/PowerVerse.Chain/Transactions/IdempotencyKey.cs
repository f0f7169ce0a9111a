using System.Buffers;

namespace PowerVerse.Chain.Transactions;

/// <summary>
/// The shape of an idempotency key: it becomes part of a Table Storage RowKey (<c>key-&lt;key&gt;</c>), which
/// forbids '/', '\', '#', '?' and control characters and is at most 1 KiB, so only a short, plain alphabet is taken.
/// </summary>
internal static class IdempotencyKey
{
    public const int MaxLength = 200;

    private static readonly SearchValues<char> Allowed = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.:-");

    /// <summary>The key itself when it is null or well formed.</summary>
    /// <exception cref="ArgumentException">Empty, longer than <see cref="MaxLength"/>, or a character outside [A-Za-z0-9_.:-].</exception>
    public static string? Validate(string? key, string parameterName) =>
        key is null || (key.Length is > 0 and <= MaxLength && !key.AsSpan().ContainsAnyExcept(Allowed))
            ? key
            : throw new ArgumentException($"An idempotency key is 1 to {MaxLength} characters of [A-Za-z0-9_.:-]; got '{Truncated(key)}'.", parameterName);

    private static string Truncated(string key) => key.Length <= 80 ? key : key[..80] + "…";
}
