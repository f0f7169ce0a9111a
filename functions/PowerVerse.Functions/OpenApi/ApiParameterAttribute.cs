namespace PowerVerse.Functions.OpenApi;

/// <summary>
/// One route or query parameter of an HTTP function. Query parameters declared here are the only ones the function
/// accepts (the handler refuses any other), so the document and the behaviour cannot drift apart.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class ApiParameterAttribute(string name, ApiValue value, string description) : Attribute
{
    public string Name { get; } = name;

    public ApiValue Value { get; } = value;

    public string Description { get; } = description;

    /// <summary>True for a route parameter (<c>{name}</c> in the route); false for a query parameter.</summary>
    public bool InPath { get; init; }

    /// <summary>The accepted values of a <see cref="ApiValue.Choice"/>; the first is the default.</summary>
    public string[] Choices { get; init; } = [];
}
