namespace PowerVerse.Workflows;

internal enum StepResultKind
{
    Continue,
    Sleep,
    WaitForEvent,
    Complete,
    Fail,
}
