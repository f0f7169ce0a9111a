using System.Globalization;
using Azure;
using Azure.Core;
using PowerVerse.Storage.Http;

namespace PowerVerse.Storage.Queues;

public sealed partial class QueueClient
{
    /// <summary>The longest visibility timeout and the default time-to-live ("Put Message").</summary>
    public static readonly TimeSpan MaxVisibilityTimeout = TimeSpan.FromDays(7);

    /// <summary>
    /// "Put Message". <paramref name="visibilityTimeout"/> delays delivery (0 to 7 days); <paramref name="timeToLive"/>
    /// defaults to 7 days, and <c>TimeSpan.FromSeconds(-1)</c> or <see cref="Timeout.InfiniteTimeSpan"/> means never expire.
    /// </summary>
    public async Task<Response<SendReceipt>> SendMessageAsync(
        string messageText, TimeSpan? visibilityTimeout = null, TimeSpan? timeToLive = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messageText);
        var visibility = visibilityTimeout ?? TimeSpan.Zero;
        CheckVisibility(visibility, nameof(visibilityTimeout));
        var ttlSeconds = TimeToLiveSeconds(timeToLive, visibility);

        var message = CreateMessage(RequestMethod.Post, "/messages");
        message.Request.Uri.AppendQuery("visibilitytimeout", Seconds(visibility));
        if (ttlSeconds is { } ttl)
        {
            message.Request.Uri.AppendQuery("messagettl", ttl.ToString(CultureInfo.InvariantCulture));
        }

        message.Request.Headers.SetValue("Content-Type", "application/xml");
        message.Request.Content = RequestContent.Create(QueueXml.MessageBody(messageText, _encoding));
        var response = await _pipeline.ExecuteAsync(message, cancellationToken).ConfigureAwait(false);
        var receipt = QueueXml.Messages(response.Content).Select(QueueXml.SendReceipt).FirstOrDefault()
                      ?? throw new RequestFailedException(response.Status, "The queue service answered Put Message without a receipt.");
        return Response.FromValue(receipt, response);
    }

    /// <summary>"Get Messages": up to <paramref name="maxMessages"/> (1–32) messages, hidden for <paramref name="visibilityTimeout"/> (default 30 s).</summary>
    public async Task<Response<QueueMessage[]>> ReceiveMessagesAsync(int? maxMessages = null, TimeSpan? visibilityTimeout = null, CancellationToken cancellationToken = default)
    {
        CheckCount(maxMessages, nameof(maxMessages));
        var message = CreateMessage(RequestMethod.Get, "/messages");
        if (maxMessages is { } max)
        {
            message.Request.Uri.AppendQuery("numofmessages", max.ToString(CultureInfo.InvariantCulture));
        }

        if (visibilityTimeout is { } visibility)
        {
            CheckVisibility(visibility, nameof(visibilityTimeout));
            if (visibility < TimeSpan.FromSeconds(1))
            {
                throw new ArgumentOutOfRangeException(nameof(visibilityTimeout), visibility, "A received message stays invisible for at least 1 second.");
            }

            message.Request.Uri.AppendQuery("visibilitytimeout", Seconds(visibility));
        }

        var response = await _pipeline.ExecuteAsync(message, cancellationToken).ConfigureAwait(false);
        var messages = QueueXml.Messages(response.Content).Select(e => QueueXml.Received(e, _encoding)).ToArray();
        return Response.FromValue(messages, response);
    }

    public async Task<Response<QueueMessage?>> ReceiveMessageAsync(TimeSpan? visibilityTimeout = null, CancellationToken cancellationToken = default)
    {
        var response = await ReceiveMessagesAsync(1, visibilityTimeout, cancellationToken).ConfigureAwait(false);
        return Response.FromValue(response.Value.FirstOrDefault(), response.GetRawResponse());
    }

    /// <summary>"Peek Messages": looks at up to <paramref name="maxMessages"/> (1–32) visible messages without changing them.</summary>
    public async Task<Response<PeekedMessage[]>> PeekMessagesAsync(int? maxMessages = null, CancellationToken cancellationToken = default)
    {
        CheckCount(maxMessages, nameof(maxMessages));
        var message = CreateMessage(RequestMethod.Get, "/messages");
        message.Request.Uri.AppendQuery("peekonly", "true");
        if (maxMessages is { } max)
        {
            message.Request.Uri.AppendQuery("numofmessages", max.ToString(CultureInfo.InvariantCulture));
        }

        var response = await _pipeline.ExecuteAsync(message, cancellationToken).ConfigureAwait(false);
        return Response.FromValue(QueueXml.Messages(response.Content).Select(e => QueueXml.Peeked(e, _encoding)).ToArray(), response);
    }

    /// <summary>
    /// "Update Message": makes the message visible again after <paramref name="visibilityTimeout"/> (0 to 7 days) and,
    /// when <paramref name="messageText"/> is given, replaces its text. The old pop receipt stops working.
    /// </summary>
    public async Task<Response<UpdateReceipt>> UpdateMessageAsync(
        string messageId, string popReceipt, string? messageText = null, TimeSpan visibilityTimeout = default, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        ArgumentException.ThrowIfNullOrEmpty(popReceipt);
        CheckVisibility(visibilityTimeout, nameof(visibilityTimeout));
        var message = CreateMessage(RequestMethod.Put, "/messages/" + Uri.EscapeDataString(messageId));
        message.Request.Uri.AppendQuery("popreceipt", popReceipt);
        message.Request.Uri.AppendQuery("visibilitytimeout", Seconds(visibilityTimeout));
        if (messageText is not null)
        {
            message.Request.Headers.SetValue("Content-Type", "application/xml");
            message.Request.Content = RequestContent.Create(QueueXml.MessageBody(messageText, _encoding));
        }

        var response = await _pipeline.ExecuteAsync(message, cancellationToken).ConfigureAwait(false);
        var receipt = new UpdateReceipt
        {
            PopReceipt = response.Headers.TryGetValue("x-ms-popreceipt", out var pop) ? pop : string.Empty,
            NextVisibleOn = response.Headers.TryGetValue("x-ms-time-next-visible", out var next) ? QueueXml.ParseDate(next) ?? default : default,
        };
        return Response.FromValue(receipt, response);
    }

    /// <summary>"Delete Message": needs the pop receipt of the latest receive or update; a stale one is rejected (404 MessageNotFound).</summary>
    public async Task<Response> DeleteMessageAsync(string messageId, string popReceipt, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        ArgumentException.ThrowIfNullOrEmpty(popReceipt);
        var message = CreateMessage(RequestMethod.Delete, "/messages/" + Uri.EscapeDataString(messageId));
        message.Request.Uri.AppendQuery("popreceipt", popReceipt);
        return await _pipeline.ExecuteAsync(message, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>"Clear Messages": deletes every message of the queue.</summary>
    public async Task<Response> ClearMessagesAsync(CancellationToken cancellationToken = default) =>
        await _pipeline.ExecuteAsync(CreateMessage(RequestMethod.Delete, "/messages"), cancellationToken).ConfigureAwait(false);

    private static void CheckVisibility(TimeSpan visibility, string paramName)
    {
        if (visibility < TimeSpan.Zero || visibility > MaxVisibilityTimeout)
        {
            throw new ArgumentOutOfRangeException(paramName, visibility, "A visibility timeout is between 0 and 7 days.");
        }
    }

    private static void CheckCount(int? count, string paramName)
    {
        if (count is < 1 or > 32)
        {
            throw new ArgumentOutOfRangeException(paramName, count, "Between 1 and 32 messages can be fetched at once.");
        }
    }

    /// <summary>null keeps the service default (7 days); -1 never expires (version 2017-07-29 and later).</summary>
    private static long? TimeToLiveSeconds(TimeSpan? timeToLive, TimeSpan visibility)
    {
        if (timeToLive is not { } ttl)
        {
            return visibility >= MaxVisibilityTimeout
                ? throw new ArgumentOutOfRangeException(nameof(visibility), visibility, "The visibility delay must be shorter than the 7-day default time-to-live.")
                : null;
        }

        if (ttl == Timeout.InfiniteTimeSpan || ttl == TimeSpan.FromSeconds(-1))
        {
            return -1;
        }

        if (ttl < TimeSpan.FromSeconds(1))
        {
            throw new ArgumentOutOfRangeException(nameof(timeToLive), ttl, "A time-to-live is at least 1 second, or -1 second for never.");
        }

        if (visibility >= ttl)
        {
            throw new ArgumentOutOfRangeException(nameof(timeToLive), ttl, "The visibility delay must be shorter than the time-to-live.");
        }

        return (long)ttl.TotalSeconds;
    }

    private static string Seconds(TimeSpan span) => ((long)span.TotalSeconds).ToString(CultureInfo.InvariantCulture);
}
