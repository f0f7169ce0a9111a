using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Extensions.Abstractions;

namespace PowerVerse.Functions.Hosting;

/// <summary>
/// The app's functions, read from the same attributes the Functions SDK reads to write <c>functions.metadata</c>:
/// routes, queues and schedules are declared once, on the functions. A trigger the local host cannot serve stops it
/// at start rather than leaving a function silently unserved.
/// </summary>
public static class FunctionCatalog
{
    public static IReadOnlyList<DeclaredFunction> Discover(Assembly app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var functions = new List<DeclaredFunction>();
        foreach (var method in app.GetTypes().SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)))
        {
            if (method.GetCustomAttribute<FunctionAttribute>() is not { } function)
            {
                continue;
            }

            functions.Add(new DeclaredFunction(function.Name, method, TriggerOf(method, function.Name)));
        }

        var duplicate = functions.GroupBy(f => f.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        return duplicate is null ? functions : throw new InvalidOperationException($"Two functions are named '{duplicate.Key}'.");
    }

    private static FunctionTrigger TriggerOf(MethodInfo method, string name)
    {
        foreach (var parameter in method.GetParameters())
        {
            switch (parameter.GetCustomAttribute<TriggerBindingAttribute>(inherit: true))
            {
                case HttpTriggerAttribute http:
                    return new HttpFunctionTrigger(
                        (http.Methods ?? []).Select(m => m.ToLowerInvariant()).ToList(),
                        http.Route ?? name);
                case QueueTriggerAttribute queue:
                    return new QueueFunctionTrigger(queue.QueueName, queue.Connection ?? "AzureWebJobsStorage");
                case TimerTriggerAttribute timer:
                    return new TimerFunctionTrigger(timer.Schedule, timer.RunOnStartup);
                case { } other:
                    throw new NotSupportedException($"Function '{name}': the local host does not serve {other.GetType().Name}.");
            }
        }

        throw new InvalidOperationException($"Function '{name}' has no trigger parameter.");
    }
}
