using System.Reflection;

namespace PowerVerse.LocalHost.Hosting;

/// <summary>One <c>[Function]</c> of the app, as the local host serves it.</summary>
public sealed record LocalFunction(string Name, MethodInfo Method, FunctionTrigger Trigger);
