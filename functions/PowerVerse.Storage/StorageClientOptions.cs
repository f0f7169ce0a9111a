using Azure.Core;

namespace PowerVerse.Storage;

/// <summary>
/// Options for the Table and Queue clients. Retries come from <see cref="ClientOptions.Retry"/>
/// (Azure.Core's exponential back-off on 408, 429 and 5xx), like the Azure SDK clients.
/// </summary>
public class StorageClientOptions : ClientOptions
{
    /// <summary>Time allowed for one network attempt; null keeps Azure.Core's default (100 s).</summary>
    public TimeSpan? NetworkTimeout { get; set; }

    /// <summary>The clock used to date and sign requests.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
