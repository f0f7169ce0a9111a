using System.Globalization;
using System.Text;
using System.Xml.Linq;

namespace PowerVerse.Storage.Queues;

/// <summary>
/// The Queue service's XML: the <c>&lt;QueueMessage&gt;&lt;MessageText/&gt;</c> request body ("Put Message") and the
/// <c>&lt;QueueMessagesList&gt;</c> answers of Put, Get and Peek Messages, whose dates are RFC 1123.
/// </summary>
internal static class QueueXml
{
    public static byte[] MessageBody(string text, QueueMessageEncoding encoding)
    {
        var payload = encoding == QueueMessageEncoding.Base64 ? Convert.ToBase64String(Encoding.UTF8.GetBytes(text)) : text;
        var xml = new XElement("QueueMessage", new XElement("MessageText", payload));
        return Encoding.UTF8.GetBytes(xml.ToString(SaveOptions.DisableFormatting));
    }

    public static IEnumerable<XElement> Messages(BinaryData body)
    {
        var root = XDocument.Parse(body.ToString()).Root;
        return root?.Elements("QueueMessage") ?? [];
    }

    public static SendReceipt SendReceipt(XElement e) => new()
    {
        MessageId = Text(e, "MessageId"),
        PopReceipt = Text(e, "PopReceipt"),
        InsertionTime = Date(e, "InsertionTime") ?? default,
        ExpirationTime = Date(e, "ExpirationTime") ?? default,
        TimeNextVisible = Date(e, "TimeNextVisible") ?? default,
    };

    public static QueueMessage Received(XElement e, QueueMessageEncoding encoding) => new()
    {
        MessageId = Text(e, "MessageId"),
        PopReceipt = Text(e, "PopReceipt"),
        Body = Decode(e.Element("MessageText")?.Value ?? string.Empty, encoding),
        DequeueCount = long.Parse(Text(e, "DequeueCount"), CultureInfo.InvariantCulture),
        InsertedOn = Date(e, "InsertionTime"),
        ExpiresOn = Date(e, "ExpirationTime"),
        NextVisibleOn = Date(e, "TimeNextVisible"),
    };

    public static PeekedMessage Peeked(XElement e, QueueMessageEncoding encoding) => new()
    {
        MessageId = Text(e, "MessageId"),
        Body = Decode(e.Element("MessageText")?.Value ?? string.Empty, encoding),
        DequeueCount = long.Parse(Text(e, "DequeueCount"), CultureInfo.InvariantCulture),
        InsertedOn = Date(e, "InsertionTime"),
        ExpiresOn = Date(e, "ExpirationTime"),
    };

    public static DateTimeOffset? ParseDate(string? value) =>
        DateTimeOffset.TryParseExact(value, "R", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date) ? date : null;

    /// <summary>Text that is not valid base64 is kept as sent, so that a foreign message can still be moved to the poison queue.</summary>
    private static BinaryData Decode(string text, QueueMessageEncoding encoding)
    {
        if (encoding == QueueMessageEncoding.Base64)
        {
            var buffer = new byte[text.Length];
            if (Convert.TryFromBase64String(text, buffer, out var written))
            {
                return new BinaryData(buffer.AsMemory(0, written));
            }
        }

        return BinaryData.FromString(text);
    }

    private static string Text(XElement e, string name) =>
        e.Element(name)?.Value ?? throw new FormatException($"The queue service's answer lacks <{name}>.");

    private static DateTimeOffset? Date(XElement e, string name) => ParseDate(e.Element(name)?.Value);
}
