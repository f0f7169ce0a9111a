namespace PowerVerse.GpuAgent.Gpus;

/// <summary>A GPU as the heartbeat and the HID registration describe it (DESIGN §3: model, memoryMiB, uuid).</summary>
internal sealed record GpuInfo(string Model, long MemoryMiB, string Uuid, string Driver, string Source);
