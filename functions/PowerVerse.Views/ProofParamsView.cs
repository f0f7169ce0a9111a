namespace PowerVerse.Views;

/// <summary>One version of a compute type's proof parameters.</summary>
public sealed record ProofParamsView(long ComputeType, long Version, int Difficulty, int Shares, long DeadlineSeconds);
