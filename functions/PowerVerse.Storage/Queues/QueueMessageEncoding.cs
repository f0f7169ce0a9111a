namespace PowerVerse.Storage.Queues;

/// <summary>How message text travels in the XML body: as-is, or base64 of its UTF-8 bytes (what Azure Functions' queue trigger expects by default).</summary>
public enum QueueMessageEncoding
{
    None,
    Base64,
}
