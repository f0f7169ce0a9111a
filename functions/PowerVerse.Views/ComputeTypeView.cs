namespace PowerVerse.Views;

/// <summary>A compute type of the DAO list.</summary>
public sealed record ComputeTypeView(long ComputeType, string Name);
