namespace PowerVerse.Storage.Tables;

/// <summary>Client-side checks of table names and keys, so that bad input fails before any request is sent.</summary>
internal static class TableKeys
{
    /// <summary>"Characters disallowed in key fields": '/', '\', '#', '?' and control characters; a key is at most 1 KiB (UTF-16).</summary>
    public static void Validate(string? key, string paramName)
    {
        ArgumentNullException.ThrowIfNull(key, paramName);
        if (key.Length * sizeof(char) > 1024)
        {
            throw new ArgumentException($"The {paramName} is {key.Length} characters; a key is at most 1 KiB (512 UTF-16 characters).", paramName);
        }

        foreach (var c in key)
        {
            if (c is '/' or '\\' or '#' or '?' || char.IsControl(c))
            {
                throw new ArgumentException(
                    $"The {paramName} contains '{(char.IsControl(c) ? $"U+{(int)c:X4}" : c.ToString())}', which keys may not contain.", paramName);
            }
        }
    }

    public static void Validate(ITableEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        Validate(entity.PartitionKey, nameof(entity.PartitionKey));
        Validate(entity.RowKey, nameof(entity.RowKey));
    }

    /// <summary>"Understanding the Table service data model": 3–63 alphanumeric characters, starting with a letter.</summary>
    public static void ValidateTableName(string? name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length is < 3 or > 63 || !char.IsAsciiLetter(name[0]) || !name.All(char.IsAsciiLetterOrDigit))
        {
            throw new ArgumentException($"'{name}' is not a valid table name: 3-63 letters and digits, starting with a letter.", nameof(name));
        }
    }

    /// <summary>The entity's address: <c>(PartitionKey='pk',RowKey='rk')</c>, quotes doubled, then percent-encoded.</summary>
    public static string EntityPath(string partitionKey, string rowKey) =>
        $"(PartitionKey='{Uri.EscapeDataString(partitionKey.Replace("'", "''", StringComparison.Ordinal))}'," +
        $"RowKey='{Uri.EscapeDataString(rowKey.Replace("'", "''", StringComparison.Ordinal))}')";
}
