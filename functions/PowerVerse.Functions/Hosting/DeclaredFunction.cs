using System.Reflection;

namespace PowerVerse.Functions.Hosting;

/// <summary>One <c>[Function]</c> of the app and its trigger, as the attributes declare it.</summary>
public sealed record DeclaredFunction(string Name, MethodInfo Method, FunctionTrigger Trigger);
