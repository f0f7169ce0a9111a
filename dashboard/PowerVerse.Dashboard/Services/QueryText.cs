using System.Text;

namespace PowerVerse.Dashboard.Services;

/// <summary>A query string of the parameters that have a value (<c>?a=1&amp;b=x</c>), escaped.</summary>
public sealed class QueryText
{
    private readonly StringBuilder _text = new();

    public QueryText Add(string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            _text.Append(_text.Length == 0 ? '?' : '&').Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
        }

        return this;
    }

    public override string ToString() => _text.ToString();
}
