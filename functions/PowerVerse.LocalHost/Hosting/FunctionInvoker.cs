using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

using PowerVerse.Functions.Hosting;

namespace PowerVerse.LocalHost.Hosting;

/// <summary>
/// Calls a function method as the isolated worker does: a new instance of its class per invocation from the
/// container (or none for a static method), the trigger value in the trigger parameter, a Durable client where
/// <c>[DurableClient]</c> asks for one, the invocation's cancellation token. Anything else a function asks for is
/// refused when the host starts, so a function the local host cannot call fully never runs half-bound.
/// </summary>
public sealed class FunctionInvoker
{
    private readonly DeclaredFunction _function;
    private readonly Func<ParameterInfo, InvocationValues, object?>[] _binders;

    public FunctionInvoker(DeclaredFunction function, Func<ParameterInfo, Func<ParameterInfo, InvocationValues, object?>?> bindTrigger)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(bindTrigger);
        _function = function;
        _binders = function.Method.GetParameters().Select(p => bindTrigger(p) ?? Common(p)
            ?? throw new NotSupportedException($"Function '{function.Name}': the local host cannot bind parameter '{p.Name}' of type {p.ParameterType.Name}.")).ToArray();
    }

    public DeclaredFunction Function => _function;

    /// <summary>Invokes the function and returns what it returned (awaited when it is a task).</summary>
    public async Task<object?> InvokeAsync(IServiceProvider services, InvocationValues values)
    {
        var method = _function.Method;
        var target = method.IsStatic ? null : ActivatorUtilities.CreateInstance(services, method.DeclaringType!);
        try
        {
            var arguments = _binders.Select((bind, i) => bind(method.GetParameters()[i], values)).ToArray();
            var result = method.Invoke(target, arguments);
            switch (result)
            {
                case Task task:
                    await task;
                    return task.GetType().IsGenericType ? task.GetType().GetProperty("Result")!.GetValue(task) : null;
                case ValueTask valueTask:
                    await valueTask;
                    return null;
                default:
                    return result;
            }
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
            throw;
        }
        finally
        {
            (target as IDisposable)?.Dispose();
        }
    }

    private static Func<ParameterInfo, InvocationValues, object?>? Common(ParameterInfo parameter)
    {
        if (parameter.ParameterType == typeof(CancellationToken))
        {
            return (_, values) => values.CancellationToken;
        }

        if (parameter.GetCustomAttribute<DurableClientAttribute>() is not null && parameter.ParameterType == typeof(DurableTaskClient))
        {
            return (_, values) => values.Services.GetRequiredService<DurableTaskClient>();
        }

        return null;
    }
}
