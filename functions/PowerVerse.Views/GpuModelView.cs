namespace PowerVerse.Views;

/// <summary>A GPU model of the DAO list.</summary>
public sealed record GpuModelView(long GpuModel, long ComputeType, string Name, long MemoryMiB);
