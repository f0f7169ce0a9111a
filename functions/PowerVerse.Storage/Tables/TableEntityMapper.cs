using System.Reflection;

namespace PowerVerse.Storage.Tables;

/// <summary>
/// Maps a typed entity to and from the property bag. A POCO's public read/write properties of the supported types
/// map by name; the reflection is done once per type (this generic class's static state is the cache).
/// <see cref="TableEntity"/> itself passes through as the dictionary it is.
/// </summary>
internal static class TableEntityMapper<T>
    where T : class, ITableEntity, new()
{
    private static readonly PropertyInfo[] Mapped = typeof(T) == typeof(TableEntity) ? [] : Discover();

    public static IEnumerable<KeyValuePair<string, object?>> ToProperties(T entity)
    {
        if (entity is TableEntity bag)
        {
            return bag;
        }

        var properties = new List<KeyValuePair<string, object?>>(Mapped.Length + 2)
        {
            new(nameof(ITableEntity.PartitionKey), entity.PartitionKey),
            new(nameof(ITableEntity.RowKey), entity.RowKey),
        };
        properties.AddRange(Mapped.Select(p => new KeyValuePair<string, object?>(p.Name, p.GetValue(entity))));
        return properties;
    }

    public static T FromEntity(TableEntity source)
    {
        if (source is T same)
        {
            return same;
        }

        var result = new T
        {
            PartitionKey = source.PartitionKey,
            RowKey = source.RowKey,
            Timestamp = source.Timestamp,
            ETag = source.ETag,
        };
        foreach (var property in Mapped)
        {
            if (source.TryGetValue(property.Name, out var value) && value is not null)
            {
                property.SetValue(result, TableValueConverter.Convert(value, property.PropertyType, property.Name));
            }
        }

        return result;
    }

    private static PropertyInfo[] Discover() =>
        typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.CanWrite && p.GetIndexParameters().Length == 0
                        && p.GetSetMethod() is not null && p.GetGetMethod() is not null
                        && p.Name is not (nameof(ITableEntity.PartitionKey) or nameof(ITableEntity.RowKey)
                            or nameof(ITableEntity.Timestamp) or nameof(ITableEntity.ETag))
                        && TableValueConverter.IsSupported(p.PropertyType))
            .ToArray();
}
