namespace PowerVerse.Domain.Tests.Support;

/// <summary>A theory that is reported as skipped, with the reason, where the JCS reference (Node 22) cannot run.</summary>
public sealed class JcsTheoryAttribute : TheoryAttribute
{
    public JcsTheoryAttribute()
    {
        if (JcsReference.Missing is { } why)
        {
            Skip = why;
        }
    }
}
