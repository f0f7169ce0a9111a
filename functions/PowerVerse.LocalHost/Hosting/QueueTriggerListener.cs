using System.Reflection;
using System.Text.Json;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

using PowerVerse.Functions.Hosting;

namespace PowerVerse.LocalHost.Hosting;

/// <summary>
/// Polls one queue for one queue-triggered function with the trigger's semantics: a batch at a time, each message
/// hidden while its invocation runs, deleted when it succeeds, made visible again after host.json's
/// <c>visibilityTimeout</c> when it fails, and moved to <c>&lt;queue&gt;-poison</c> once it has failed
/// <c>maxDequeueCount</c> times. Empty polls back off to <c>maxPollingInterval</c>.
/// </summary>
public sealed partial class QueueTriggerListener(
    DeclaredFunction function, QueueClient queue, QueueClient poison, HostSettings settings, IServiceProvider services, ILogger<QueueTriggerListener> log, TimeProvider time)
    : BackgroundService
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly FunctionInvoker _invoker = new(function, Bind);

    // A message stays hidden this long while its invocation runs; longer than any function should take.
    private static readonly TimeSpan InvocationLease = TimeSpan.FromMinutes(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await queue.CreateIfNotExistsAsync(cancellationToken: stoppingToken);
        await poison.CreateIfNotExistsAsync(cancellationToken: stoppingToken);
        var idle = TimeSpan.FromMilliseconds(100);
        while (!stoppingToken.IsCancellationRequested)
        {
            QueueMessage[] messages;
            try
            {
                messages = (await queue.ReceiveMessagesAsync(settings.BatchSize, InvocationLease, stoppingToken)).Value;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogPollFailed(queue.Name, ex);
                messages = [];
            }

            if (messages.Length == 0)
            {
                await Task.Delay(idle, time, stoppingToken);
                idle = TimeSpan.FromTicks(Math.Min(idle.Ticks * 2, settings.MaxPollingInterval.Ticks));
                continue;
            }

            idle = TimeSpan.FromMilliseconds(100);
            await Task.WhenAll(messages.Select(m => ProcessAsync(m, stoppingToken)));
        }
    }

    private async Task ProcessAsync(QueueMessage message, CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = services.CreateAsyncScope();
            await _invoker.InvokeAsync(scope.ServiceProvider, new InvocationValues(scope.ServiceProvider, message, stoppingToken));
            await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, CancellationToken.None);
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            LogInvocationFailed(function.Name, message.MessageId, message.DequeueCount, ex);
            if (message.DequeueCount >= settings.MaxDequeueCount)
            {
                await poison.SendMessageAsync(message.Body, cancellationToken: CancellationToken.None);
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, CancellationToken.None);
                LogPoisoned(message.MessageId, poison.Name);
            }
            else
            {
                await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: settings.VisibilityTimeout, cancellationToken: CancellationToken.None);
            }
        }
    }

    private static Func<ParameterInfo, InvocationValues, object?>? Bind(ParameterInfo parameter)
    {
        if (parameter.GetCustomAttribute<QueueTriggerAttribute>() is null)
        {
            return null;
        }

        var type = parameter.ParameterType;
        return type == typeof(string) ? (_, v) => Message(v).Body.ToString()
            : type == typeof(BinaryData) ? (_, v) => Message(v).Body
            : type == typeof(byte[]) ? (_, v) => Message(v).Body.ToArray()
            : type == typeof(QueueMessage) ? (_, v) => Message(v)
            : (_, v) => JsonSerializer.Deserialize(Message(v).Body.ToMemory().Span, type, Json);
    }

    private static QueueMessage Message(InvocationValues values) => (QueueMessage)values.TriggerValue!;

    [LoggerMessage(LogLevel.Warning, "Polling queue {Queue} failed")]
    private partial void LogPollFailed(string queue, Exception exception);

    [LoggerMessage(LogLevel.Error, "Function {Function} failed on message {MessageId} (receive {DequeueCount})")]
    private partial void LogInvocationFailed(string function, string messageId, long dequeueCount, Exception exception);

    [LoggerMessage(LogLevel.Warning, "Message {MessageId} moved to {PoisonQueue}")]
    private partial void LogPoisoned(string messageId, string poisonQueue);
}
