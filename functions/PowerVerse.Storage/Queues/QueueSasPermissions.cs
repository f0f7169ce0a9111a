namespace PowerVerse.Storage.Queues;

/// <summary>What a queue service SAS allows ("Create a service SAS", queue permissions r, a, u, p).</summary>
[Flags]
public enum QueueSasPermissions
{
    None = 0,

    /// <summary>r: peek messages and read metadata.</summary>
    Read = 1,

    /// <summary>a: put messages.</summary>
    Add = 2,

    /// <summary>u: update messages.</summary>
    Update = 4,

    /// <summary>p: get and delete messages.</summary>
    Process = 8,

    All = Read | Add | Update | Process,
}
