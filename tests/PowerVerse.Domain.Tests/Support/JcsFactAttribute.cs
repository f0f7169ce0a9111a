namespace PowerVerse.Domain.Tests.Support;

/// <summary>A fact that is reported as skipped, with the reason, where the JCS reference (Node 22) cannot run.</summary>
public sealed class JcsFactAttribute : FactAttribute
{
    public JcsFactAttribute()
    {
        if (JcsReference.Missing is { } why)
        {
            Skip = why;
        }
    }
}
