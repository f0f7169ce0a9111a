using System.Collections;
using System.Diagnostics.CodeAnalysis;
using Azure;

namespace PowerVerse.Storage.Tables;

/// <summary>
/// A schemaless entity: a property bag keyed by name (case-sensitive, as the service is), with the system
/// properties PartitionKey, RowKey and Timestamp held as ordinary entries.
/// </summary>
[SuppressMessage("Naming", "CA1710:Identifiers should have correct suffix", Justification = "Named as in Azure.Data.Tables.")]
public sealed class TableEntity : IDictionary<string, object?>, ITableEntity
{
    private readonly Dictionary<string, object?> _properties = new(StringComparer.Ordinal);

    public TableEntity()
    {
    }

    public TableEntity(string partitionKey, string rowKey)
    {
        PartitionKey = partitionKey;
        RowKey = rowKey;
    }

    public string PartitionKey
    {
        get => GetString(nameof(PartitionKey)) ?? string.Empty;
        set => _properties[nameof(PartitionKey)] = value;
    }

    public string RowKey
    {
        get => GetString(nameof(RowKey)) ?? string.Empty;
        set => _properties[nameof(RowKey)] = value;
    }

    public DateTimeOffset? Timestamp
    {
        get => GetDateTimeOffset(nameof(Timestamp));
        set => _properties[nameof(Timestamp)] = value;
    }

    public ETag ETag { get; set; }

    public ICollection<string> Keys => _properties.Keys;

    public ICollection<object?> Values => _properties.Values;

    public int Count => _properties.Count;

    public bool IsReadOnly => false;

    public object? this[string key]
    {
        get => _properties.TryGetValue(key, out var value) ? value : null;
        set => _properties[key] = value;
    }

    public string? GetString(string key) => this[key] as string;

    public int? GetInt32(string key) => this[key] switch
    {
        null => null,
        int i => i,
        long l => checked((int)l),
        var other => throw WrongType(key, other, "Int32"),
    };

    public long? GetInt64(string key) => this[key] switch
    {
        null => null,
        long l => l,
        int i => i,
        var other => throw WrongType(key, other, "Int64"),
    };

    public double? GetDouble(string key) => this[key] switch
    {
        null => null,
        double d => d,
        int i => i, // an integral double comes back without a type annotation and reads as Int32
        long l => l,
        var other => throw WrongType(key, other, "Double"),
    };

    public bool? GetBoolean(string key) => this[key] switch
    {
        null => null,
        bool b => b,
        var other => throw WrongType(key, other, "Boolean"),
    };

    public DateTimeOffset? GetDateTimeOffset(string key) => this[key] switch
    {
        null => null,
        DateTimeOffset d => d,
        DateTime d => new DateTimeOffset(d.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(d, DateTimeKind.Utc) : d.ToUniversalTime()),
        var other => throw WrongType(key, other, "DateTime"),
    };

    public Guid? GetGuid(string key) => this[key] switch
    {
        null => null,
        Guid g => g,
        var other => throw WrongType(key, other, "Guid"),
    };

    public byte[]? GetBinary(string key) => this[key] switch
    {
        null => null,
        byte[] b => b,
        BinaryData b => b.ToArray(),
        var other => throw WrongType(key, other, "Binary"),
    };

    public void Add(string key, object? value) => _properties.Add(key, value);

    public bool ContainsKey(string key) => _properties.ContainsKey(key);

    public bool Remove(string key) => _properties.Remove(key);

    public bool TryGetValue(string key, out object? value) => _properties.TryGetValue(key, out value);

    public void Add(KeyValuePair<string, object?> item) => _properties.Add(item.Key, item.Value);

    public void Clear() => _properties.Clear();

    public bool Contains(KeyValuePair<string, object?> item) => ((ICollection<KeyValuePair<string, object?>>)_properties).Contains(item);

    public void CopyTo(KeyValuePair<string, object?>[] array, int arrayIndex) =>
        ((ICollection<KeyValuePair<string, object?>>)_properties).CopyTo(array, arrayIndex);

    public bool Remove(KeyValuePair<string, object?> item) => ((ICollection<KeyValuePair<string, object?>>)_properties).Remove(item);

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => _properties.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static InvalidOperationException WrongType(string key, object value, string wanted) =>
        new($"Property '{key}' holds a {value.GetType().Name}, not an Edm.{wanted}.");
}
