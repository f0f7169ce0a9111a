using System.Collections.Concurrent;
using System.Reflection;

namespace PowerVerse.Storage.Tables;

/// <summary>
/// Maps a typed entity to and from the property bag. A POCO's public read/write properties of the supported types
/// map by name; the reflection is done once per type and cached. <see cref="TableEntity"/> passes through as the
/// dictionary it is.
/// </summary>
internal static class TableEntityMapper
{
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Cache = new();

    public static IEnumerable<KeyValuePair<string, object?>> ToProperties(ITableEntity entity)
    {
        if (entity is TableEntity bag)
        {
            return bag;
        }

        var mapped = Mapped(entity.GetType());
        var properties = new List<KeyValuePair<string, object?>>(mapped.Length + 2)
        {
            new(nameof(ITableEntity.PartitionKey), entity.PartitionKey),
            new(nameof(ITableEntity.RowKey), entity.RowKey),
        };
        properties.AddRange(mapped.Select(p => new KeyValuePair<string, object?>(p.Name, p.GetValue(entity))));
        return properties;
    }

    public static T FromEntity<T>(TableEntity source)
        where T : class, ITableEntity, new()
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
        foreach (var property in Mapped(typeof(T)))
        {
            if (source.TryGetValue(property.Name, out var value) && value is not null)
            {
                property.SetValue(result, TableValueConverter.Convert(value, property.PropertyType, property.Name));
            }
        }

        return result;
    }

    private static PropertyInfo[] Mapped(Type type) => Cache.GetOrAdd(type, static t =>
        t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0
                        && p.GetSetMethod() is not null && p.GetGetMethod() is not null
                        && p.Name is not (nameof(ITableEntity.PartitionKey) or nameof(ITableEntity.RowKey)
                            or nameof(ITableEntity.Timestamp) or nameof(ITableEntity.ETag))
                        && TableValueConverter.IsSupported(p.PropertyType))
            .ToArray());
}
