namespace PowerVerse.Functions.OpenApi;

/// <summary>The forms a route or query value takes; each maps to one schema in the OpenAPI document and one parser.</summary>
public enum ApiValue
{
    /// <summary>A decimal uint256 id (digits only).</summary>
    Id,

    /// <summary>A decimal uint256 amount.</summary>
    Amount,

    /// <summary>0x and 40 hex digits.</summary>
    Address,

    /// <summary>A decimal uint32 (compute type, GPU model).</summary>
    SmallNumber,

    /// <summary>ISO 8601 UTC ending in Z.</summary>
    Time,

    /// <summary>One of the listed choices.</summary>
    Choice,

    /// <summary>1 to 100.</summary>
    PageSize,

    /// <summary>An opaque token from a previous page.</summary>
    ContinuationToken,

    /// <summary>A Durable instance id.</summary>
    WorkflowId,
}
