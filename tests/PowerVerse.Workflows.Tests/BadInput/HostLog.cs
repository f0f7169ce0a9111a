using System.Text;

namespace PowerVerse.Workflows.Tests.BadInput;

/// <summary>The errors a local host logged (its <c>fail:</c> and <c>crit:</c> entries, with what follows each), for a failure message.</summary>
internal static class HostLog
{
    public static string Errors(string log, int max = 5, int length = 2_500)
    {
        ArgumentNullException.ThrowIfNull(log);
        var lines = log.Split('\n');
        var text = new StringBuilder();
        var found = 0;
        for (var i = 0; i < lines.Length && found < max; i++)
        {
            if (!lines[i].StartsWith("fail:", StringComparison.Ordinal) && !lines[i].StartsWith("crit:", StringComparison.Ordinal))
            {
                continue;
            }

            found++;
            var entry = new StringBuilder(lines[i]).Append('\n');
            for (var j = i + 1; j < lines.Length && lines[j].StartsWith(' ') && entry.Length < length; j++)
            {
                entry.Append(lines[j]).Append('\n');
            }

            text.Append(entry.Length <= length ? entry.ToString() : entry.ToString()[..length] + "…\n");
        }

        return found == 0 ? "(no fail: or crit: entries)" : text.ToString();
    }
}
