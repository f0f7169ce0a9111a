namespace PowerVerse.Storage.Tables;

/// <summary>Converts the value read from the service (its Edm type) to a POCO property's CLR type.</summary>
internal static class TableValueConverter
{
    public static bool IsSupported(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t == typeof(string) || t == typeof(int) || t == typeof(long) || t == typeof(double) || t == typeof(bool)
               || t == typeof(DateTimeOffset) || t == typeof(DateTime) || t == typeof(Guid) || t == typeof(byte[])
               || t == typeof(BinaryData) || t.IsEnum;
    }

    public static object? Convert(object value, Type type, string name)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t.IsInstanceOfType(value))
        {
            return value;
        }

        return (value, t) switch
        {
            (int i, _) when t == typeof(long) => (long)i,
            (int i, _) when t == typeof(double) => (double)i,
            (long l, _) when t == typeof(double) => (double)l,
            (long l, _) when t == typeof(int) => checked((int)l),
            (DateTimeOffset d, _) when t == typeof(DateTime) => d.UtcDateTime,
            (byte[] b, _) when t == typeof(BinaryData) => new BinaryData(b),
            (string s, _) when t.IsEnum => Enum.Parse(t, s),
            (int i, _) when t.IsEnum => Enum.ToObject(t, i),
            (string s, _) when t == typeof(Guid) => Guid.Parse(s),
            _ => throw new InvalidOperationException(
                $"Property '{name}' holds a {value.GetType().Name}, which cannot be read into {type.Name}."),
        };
    }
}
