using System.Globalization;
using System.Numerics;

namespace PowerVerse.LocalHost.Cli;

/// <summary><c>--name value</c> pairs of a command line; a name may repeat (<c>--beneficiary</c>).</summary>
internal sealed class CommandOptions
{
    private readonly Dictionary<string, List<string>> _values = new(StringComparer.Ordinal);

    public CommandOptions(IEnumerable<string> args)
    {
        using var e = args.GetEnumerator();
        while (e.MoveNext())
        {
            var name = e.Current.StartsWith("--", StringComparison.Ordinal) && e.Current.Length > 2
                ? e.Current[2..]
                : throw new CommandException($"Expected an option (--name value), not '{e.Current}'.");
            var value = e.MoveNext() ? e.Current : throw new CommandException($"--{name} needs a value.");
            (_values.TryGetValue(name, out var list) ? list : _values[name] = []).Add(value);
        }
    }

    public string? Get(string name) => _values.TryGetValue(name, out var values) ? values[^1] : null;

    public IReadOnlyList<string> All(string name) => _values.TryGetValue(name, out var values) ? values : [];

    public string Require(string name) => Get(name) ?? throw new CommandException($"--{name} is required.");

    public BigInteger Number(string name) =>
        BigInteger.TryParse(Require(name), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : throw new CommandException($"--{name} must be a whole number.");

    public T Number<T>(string name, T fallback)
        where T : INumber<T> =>
        Get(name) is not { } text ? fallback
        : T.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n
        : throw new CommandException($"--{name} must be a whole number.");

    /// <summary>Names given that <paramref name="known"/> does not list.</summary>
    public IEnumerable<string> Unknown(IEnumerable<string> known) => _values.Keys.Except(known);
}
