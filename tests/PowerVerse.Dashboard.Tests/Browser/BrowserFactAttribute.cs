namespace PowerVerse.Dashboard.Tests.Browser;

/// <summary>A fact reported as skipped, with the reason, only where Debian's Chromium is not installed.</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (ChromiumBrowser.Missing is { } why)
        {
            Skip = why;
        }
    }
}
