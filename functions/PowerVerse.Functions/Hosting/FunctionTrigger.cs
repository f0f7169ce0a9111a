namespace PowerVerse.Functions.Hosting;

/// <summary>What starts a function, read from its trigger attribute; compared with the Functions host's metadata by test.</summary>
public abstract record FunctionTrigger(string BindingType);

/// <summary><c>[HttpTrigger]</c>: served at <c>/api/{Route}</c> for these methods (lowercase; none listed: any method).</summary>
public sealed record HttpFunctionTrigger(IReadOnlyList<string> Methods, string Route) : FunctionTrigger("httpTrigger");

/// <summary><c>[QueueTrigger]</c>: the queue and the storage connection it is read from.</summary>
public sealed record QueueFunctionTrigger(string QueueName, string Connection) : FunctionTrigger("queueTrigger");

/// <summary><c>[TimerTrigger]</c>: an NCRONTAB schedule with seconds.</summary>
public sealed record TimerFunctionTrigger(string Schedule, bool RunOnStartup) : FunctionTrigger("timerTrigger");
