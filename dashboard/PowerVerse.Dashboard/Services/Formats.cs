using System.Globalization;

namespace PowerVerse.Dashboard.Services;

/// <summary>Resource figures as people read them.</summary>
public static class Formats
{
    /// <summary>Basis points of a GPU: 5000 → "50%".</summary>
    public static string Share(long basisPoints) => (basisPoints / 100m).ToString("0.##", CultureInfo.InvariantCulture) + "%";

    /// <summary>131072 → "128 GiB"; under a GiB in MiB.</summary>
    public static string MiB(long mebibytes) =>
        mebibytes >= 1024 ? (mebibytes / 1024m).ToString("0.##", CultureInfo.InvariantCulture) + " GiB" : mebibytes.ToString(CultureInfo.InvariantCulture) + " MiB";

    /// <summary>604800 → "7 days"; 3600 → "1 hour"; 90 → "90 seconds".</summary>
    public static string Duration(long seconds) => seconds switch
    {
        >= 86_400 when seconds % 86_400 == 0 => Plural(seconds / 86_400, "day"),
        >= 3_600 when seconds % 3_600 == 0 => Plural(seconds / 3_600, "hour"),
        >= 60 when seconds % 60 == 0 => Plural(seconds / 60, "minute"),
        _ => Plural(seconds, "second"),
    };

    private static string Plural(long n, string unit) => n.ToString(CultureInfo.InvariantCulture) + " " + unit + (n == 1 ? string.Empty : "s");
}
