namespace PowerVerse.Functions.OpenApi;

/// <summary>What an HTTP function does, for the OpenAPI document: its tag, summary and 200 response type.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ApiOperationAttribute(string tag, string summary, Type response) : Attribute
{
    public string Tag { get; } = tag;

    public string Summary { get; } = summary;

    public Type Response { get; } = response;

    /// <summary>A longer description of the operation (the OpenAPI operation's <c>description</c>), where the summary is not enough.</summary>
    public string? Description { get; init; }

    /// <summary>Whether the route answers 404 for an id it does not know.</summary>
    public bool CanBeNotFound { get; init; }

    /// <summary>A write's body type: the operation takes it and answers 202 with <see cref="Response"/> (see <see cref="Synchronous"/>).</summary>
    public Type? Request { get; init; }

    /// <summary>With <see cref="Request"/>: the operation answers 200 with <see cref="Response"/> at once, not 202 and a workflow.</summary>
    public bool Synchronous { get; init; }
}
