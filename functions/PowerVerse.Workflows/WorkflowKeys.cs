namespace PowerVerse.Workflows;

/// <summary>Checks caller-chosen names before they become table keys.</summary>
internal static class WorkflowKeys
{
    /// <summary>Table keys refuse '/', '\', '#', '?' and control characters; '|' separates our own key parts.</summary>
    public static void ValidateInstanceId(string instanceId) => Validate(instanceId, nameof(instanceId), 200);

    public static void ValidateEventName(string eventName) => Validate(eventName, nameof(eventName), 100);

    public static void ValidateEventId(string eventId) => Validate(eventId, nameof(eventId), 200);

    private static void Validate(string value, string parameter, int maxLength)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value, parameter);
        if (value.Length > maxLength)
        {
            throw new ArgumentException($"'{value[..20]}…' is longer than {maxLength} characters.", parameter);
        }

        foreach (var c in value)
        {
            if (c is '/' or '\\' or '#' or '?' or '|' || char.IsControl(c))
            {
                throw new ArgumentException($"'{value}' contains '{c}', which workflow ids and event names may not contain.", parameter);
            }
        }
    }
}
