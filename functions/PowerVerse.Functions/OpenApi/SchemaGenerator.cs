using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using Microsoft.OpenApi;

namespace PowerVerse.Functions.OpenApi;

/// <summary>
/// JSON Schemas (OpenAPI 3.1) of the API's records, read from the records themselves: camelCase properties as the
/// API's serializer writes them, nullable where the C# type is, each record once under <c>components/schemas</c>.
/// </summary>
internal sealed class SchemaGenerator(OpenApiDocument document)
{
    private readonly NullabilityInfoContext _nullability = new();

    public IOpenApiSchema For(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (Nullable.GetUnderlyingType(type) is { } inner)
        {
            return WithNull(For(inner));
        }

        return type switch
        {
            _ when type == typeof(string) => new OpenApiSchema { Type = JsonSchemaType.String },
            _ when type == typeof(bool) => new OpenApiSchema { Type = JsonSchemaType.Boolean },
            _ when type == typeof(int) => new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
            _ when type == typeof(long) => new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int64" },
            _ when type == typeof(DateTimeOffset) => new OpenApiSchema { Type = JsonSchemaType.String, Format = "date-time" },
            _ when type == typeof(JsonElement) => new OpenApiSchema { Description = "Any JSON value." },
            _ when ItemType(type) is { } item => new OpenApiSchema { Type = JsonSchemaType.Array, Items = For(item) },
            _ => Record(type),
        };
    }

    private OpenApiSchemaReference Record(Type type)
    {
        var name = Name(type);
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        if (!document.Components.Schemas.ContainsKey(name))
        {
            var schema = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Properties = new Dictionary<string, IOpenApiSchema>(),
                Required = new HashSet<string>(),
            };
            document.Components.Schemas[name] = schema;
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                var json = JsonNamingPolicy.CamelCase.ConvertName(property.Name);
                var nullable = _nullability.Create(property).ReadState == NullabilityState.Nullable;
                var propertySchema = For(property.PropertyType);
                schema.Properties[json] = nullable && Nullable.GetUnderlyingType(property.PropertyType) is null ? WithNull(propertySchema) : propertySchema;
                schema.Required.Add(json);
            }
        }

        return new OpenApiSchemaReference(name, document);
    }

    private static OpenApiSchema WithNull(IOpenApiSchema schema) =>
        schema is OpenApiSchema { Type: { } type } plain
            ? new OpenApiSchema { Type = type | JsonSchemaType.Null, Format = plain.Format, Items = plain.Items, Description = plain.Description }
            : new OpenApiSchema { OneOf = [schema, new OpenApiSchema { Type = JsonSchemaType.Null }] };

    private static Type? ItemType(Type type) =>
        type.IsArray ? type.GetElementType()
        : type.IsGenericType && type.GetGenericTypeDefinition() is var definition
            && (definition == typeof(IReadOnlyList<>) || definition == typeof(IEnumerable<>) || definition == typeof(List<>))
            ? type.GetGenericArguments()[0]
            : null;

    // PageView<ListingView> → PageViewOfListingView: one component per closed generic.
    private static string Name(Type type) =>
        type.IsGenericType
            ? $"{type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)]}Of{string.Concat(type.GetGenericArguments().Select(Name))}"
            : type.Name;
}
